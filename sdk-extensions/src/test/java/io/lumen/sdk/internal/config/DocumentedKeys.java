package io.lumen.sdk.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration keys a README documents: every {@code `otel.…`} in the first cell of a table
 * row, with {@code {a,b}} alternatives expanded ({@code otel.exporter.otlp.{traces,logs}.timeout}
 * is two keys) and a trailing {@code =value} cut.
 */
final class DocumentedKeys {

  private static final Pattern CODE = Pattern.compile("`(otel\\.[^`\\s]+)`");

  private DocumentedKeys() {}

  static Set<String> in(String markdown) {
    Set<String> keys = new LinkedHashSet<>();
    for (String line : markdown.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|");
      if (cells.length < 2) {
        continue;
      }
      Matcher matcher = CODE.matcher(cells[1]);
      while (matcher.find()) {
        String key = matcher.group(1);
        int equals = key.indexOf('=');
        if (equals > 0) {
          key = key.substring(0, equals);
        }
        keys.addAll(expand(key));
      }
    }
    return keys;
  }

  static List<String> expand(String key) {
    List<String> keys = new ArrayList<>();
    int open = key.indexOf('{');
    if (open < 0) {
      keys.add(key);
      return keys;
    }
    int close = key.indexOf('}', open);
    for (String alternative : key.substring(open + 1, close).split(",")) {
      keys.addAll(expand(key.substring(0, open) + alternative + key.substring(close + 1)));
    }
    return keys;
  }
}
