package io.lumen.instrumentation.jdbc.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the literals of a SQL text with {@code ?} where the instrumentation API's analyzer
 * would let them through, before it runs: strings with backslash escapes (MySQL and MariaDB, and
 * PostgreSQL's {@code E'...'}), prefixed literals ({@code X'..'}, {@code N'..'}, {@code B'..'},
 * {@code U&'..'}), dollar-quoted strings, and whatever is quoted or numeric inside comments. Line
 * comments become block comments, so the one-line text the analyzer produces still ends them
 * where the statement's line ended.
 *
 * <p>Identifiers ({@code "..."} where double quotes quote identifiers, {@code `...`}) are kept.
 * This class is internal and is not for public use.
 */
final class SqlLiteralMasker {

  // An application runs a few hundred distinct statements, each many times: mask each once. The
  // cache is bounded in entries and in the length of what it keeps, and starts over when full.
  private static final int MAX_CACHED = 500;
  private static final int MAX_CACHED_LENGTH = 1024;

  private final boolean backslashEscapes;
  private final boolean doubleQuotedStrings;
  private final ConcurrentHashMap<String, String> masked = new ConcurrentHashMap<>();

  private SqlLiteralMasker(boolean backslashEscapes, boolean doubleQuotedStrings) {
    this.backslashEscapes = backslashEscapes;
    this.doubleQuotedStrings = doubleQuotedStrings;
  }

  /** MySQL and MariaDB: backslash escapes, and double quotes delimit strings. */
  static final SqlLiteralMasker MYSQL = new SqlLiteralMasker(true, true);

  /** Standard SQL, PostgreSQL (whose {@code E'...'} strings take backslash escapes), H2... */
  static final SqlLiteralMasker STANDARD = new SqlLiteralMasker(false, false);

  String mask(String sql) {
    if (sql.length() > MAX_CACHED_LENGTH) {
      return maskUncached(sql);
    }
    String cached = masked.get(sql);
    if (cached == null) {
      cached = maskUncached(sql);
      if (masked.size() >= MAX_CACHED) {
        masked.clear();
      }
      masked.put(sql, cached);
    }
    return cached;
  }

  private String maskUncached(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int length = sql.length();
    int i = 0;
    while (i < length) {
      char c = sql.charAt(i);
      char next = i + 1 < length ? sql.charAt(i + 1) : 0;
      if (c == '-' && next == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? length : end;
        appendComment(out, sql.substring(i + 2, end));
        i = end;
      } else if (c == '#' && doubleQuotedStrings) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? length : end;
        appendComment(out, sql.substring(i + 1, end));
        i = end;
      } else if (c == '/' && next == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? length : end;
        appendComment(out, sql.substring(i + 2, end));
        i = Math.min(length, end + 2);
      } else if (c == '\'') {
        i = skipQuoted(sql, i, '\'', backslashEscapes);
        out.append('?');
      } else if (c == '"' && doubleQuotedStrings) {
        i = skipQuoted(sql, i, '"', true);
        out.append('?');
      } else if (c == '"' || c == '`') {
        int end = skipQuoted(sql, i, c, false);
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && !isIdentifierPart(previous(sql, i))) {
        int end = skipDollarQuoted(sql, i);
        if (end > i) {
          out.append('?');
          i = end;
        } else {
          out.append(c);
          i++;
        }
      } else if (isIdentifierStart(c) && !isIdentifierPart(previous(sql, i))) {
        int literal = prefixedLiteralStart(sql, i);
        if (literal >= 0) {
          boolean escapes = backslashEscapes || Character.toUpperCase(c) == 'E';
          i = skipQuoted(sql, literal, '\'', escapes);
          out.append('?');
        } else {
          int end = i;
          while (end < length && isIdentifierPart(sql.charAt(end))) {
            end++;
          }
          out.append(sql, i, end);
          i = end;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Where the quote of a prefixed literal starting at {@code i} is ({@code X'}, {@code N'}, {@code
   * B'}, {@code E'}, {@code U&'}), or -1 if there is none.
   */
  private static int prefixedLiteralStart(String sql, int i) {
    char c = Character.toUpperCase(sql.charAt(i));
    if (i + 1 >= sql.length()) {
      return -1;
    }
    if ((c == 'X' || c == 'N' || c == 'B' || c == 'E') && sql.charAt(i + 1) == '\'') {
      return i + 1;
    }
    if (c == 'U' && sql.startsWith("&'", i + 1)) {
      return i + 2;
    }
    return -1;
  }

  /** The index after the closing quote of the quoted text opening at {@code start}. */
  private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /**
   * The index after a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}) opening at
   * {@code start}, or {@code start} if none opens there (a positional parameter such as {@code
   * $1}).
   */
  private static int skipDollarQuoted(String sql, int start) {
    int tagEnd = start + 1;
    while (tagEnd < sql.length() && isTagPart(sql.charAt(tagEnd))) {
      tagEnd++;
    }
    if (tagEnd >= sql.length()
        || sql.charAt(tagEnd) != '$'
        || (tagEnd > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
      return start;
    }
    String tag = sql.substring(start, tagEnd + 1);
    int close = sql.indexOf(tag, tagEnd + 1);
    return close < 0 ? sql.length() : close + tag.length();
  }

  private static boolean isTagPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** A comment, kept, with anything quoted or numeric in it masked. */
  private void appendComment(StringBuilder out, String text) {
    String masked = new SqlLiteralMasker(backslashEscapes, true).maskCommentText(text);
    out.append("/*").append(masked.replace("*/", "* /")).append("*/");
  }

  private String maskCommentText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(text, i, c, backslashEscapes);
        out.append('?');
      } else if (Character.isDigit(c) && !isIdentifierPart(previous(text, i))) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        out.append('?');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static char previous(String sql, int i) {
    return i == 0 ? ' ' : sql.charAt(i - 1);
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
