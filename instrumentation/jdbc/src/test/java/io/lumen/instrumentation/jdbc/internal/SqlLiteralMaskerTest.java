package io.lumen.instrumentation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases the instrumentation API's analyzer gets wrong on its own, and what the masker turns
 * them into before it runs. (The whole pipeline is tested in {@code JdbcTelemetryTest} and, against
 * real databases, in the agent's smoke tests.)
 */
class SqlLiteralMaskerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "line comment literal | SELECT a FROM t -- 'secret' 42\\nWHERE b = 1"
            + " | SELECT a FROM t /* ? ?*/\\nWHERE b = 1",
        "block comment literal | SELECT /* 'x' */ a FROM t | SELECT /* ? */ a FROM t",
        "doubled quote | SELECT 'it''s' FROM t | SELECT ? FROM t",
        "comment inside string | SELECT 'a -- b /* c */' FROM t | SELECT ? FROM t",
        "postgres escape string | SELECT E'it\\'s' FROM t | SELECT ? FROM t",
        "hex literal | SELECT X'DEAD' FROM t | SELECT ? FROM t",
        "national literal | SELECT N'ünï' FROM t | SELECT ? FROM t",
        "unicode escape literal | SELECT U&'d\\0061t' FROM t | SELECT ? FROM t",
        "dollar quoted | SELECT $$it's$$, $tag$ $$ $tag$ FROM t | SELECT ?, ? FROM t",
        "positional parameter | SELECT a FROM t WHERE b = $1 | SELECT a FROM t WHERE b = $1",
        "quoted identifier | SELECT \"Name's\" FROM t | SELECT \"Name's\" FROM t",
        "identifier ending in x | SELECT max'1' FROM t | SELECT max? FROM t",
        "unterminated string | SELECT 'never closed | SELECT ?",
        "closing comment in line comment | SELECT 1 -- a */ b | SELECT 1 /* a * / b*/",
      })
  void standardSql(String name, String sql, String masked) {
    // "\\n" in the table stands for a line break
    assertThat(SqlLiteralMasker.STANDARD.mask(sql.replace("\\n", "\n")))
        .isEqualTo(masked.replace("\\n", "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "backslash escaped quote | SELECT 'it\\'s \\\\' FROM t | SELECT ? FROM t",
        "double quoted string | SELECT \"a \\\" b\" FROM t | SELECT ? FROM t",
        "hash comment | SELECT a FROM t # 'secret' | SELECT a FROM t /* ?*/",
        "backtick identifier | SELECT `it's` FROM t | SELECT `it's` FROM t",
      })
  void mySqlAndMariaDb(String name, String sql, String masked) {
    assertThat(SqlLiteralMasker.MYSQL.mask(sql)).isEqualTo(masked);
  }
}
