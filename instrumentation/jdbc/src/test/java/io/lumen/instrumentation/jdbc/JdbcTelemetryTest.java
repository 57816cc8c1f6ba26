package io.lumen.instrumentation.jdbc;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Library mode: the data source wrapper over H2, reporting to an in-memory SDK, as an application
 * without the agent would use it (with the companion SDK in place of the in-memory one).
 */
class JdbcTelemetryTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private OpenTelemetrySdk openTelemetry;
  private DataSource dataSource;
  private Connection connection;

  @BeforeEach
  void setUp() throws SQLException {
    openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    dataSource =
        JdbcTelemetry.builder(openTelemetry)
            .setDataSourceInstrumenterEnabled(true)
            .build()
            .wrap(h2("jdbc:h2:mem:library;DB_CLOSE_DELAY=-1"));
    connection = dataSource.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS users");
      statement.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50))");
    }
    spans.reset();
  }

  @AfterEach
  void tearDown() throws SQLException {
    connection.close();
    openTelemetry.close();
  }

  @Test
  void preparedStatementsAreClientSpansWithTheDatabaseConventions() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT name FROM users WHERE id = ? AND name <> 'x'")) {
      statement.setInt(1, 1);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isFalse();
      }
    }

    assertThat(spans.getFinishedSpanItems())
        .singleElement()
        .satisfies(
            span ->
                assertThat(span)
                    .hasName("SELECT users")
                    .hasKind(SpanKind.CLIENT)
                    .hasInstrumentationScopeInfo(
                        io.opentelemetry.sdk.common.InstrumentationScopeInfo.create("io.lumen.jdbc"))
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringKey("db.system.name"),
                        "h2database")
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringKey("db.namespace"),
                        "library")
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringKey("db.query.text"),
                        "SELECT name FROM users WHERE id = ? AND name <> ?")
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringKey("db.collection.name"),
                        "users"));
    assertThat(metrics.collectAllMetrics())
        .anySatisfy(metric -> assertThat(metric).hasName("db.client.operation.duration"));
  }

  @Test
  void batchesFailuresAndCallsAreTraced() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
      for (int id = 1; id <= 4; id++) {
        statement.setInt(1, id);
        statement.setString(2, "user" + id);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    try (Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM missing"))
          .isInstanceOf(SQLException.class);
    }
    try (CallableStatement call = connection.prepareCall("CALL ABS(?)")) {
      call.setInt(1, -1);
      call.execute();
    }

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).extracting(SpanData::getName)
        .containsExactly("BATCH INSERT users", "SELECT missing", "CALL ABS");
    assertThat(finished.get(0).getAttributes().get(
            io.opentelemetry.api.common.AttributeKey.longKey("db.operation.batch.size")))
        .isEqualTo(4L);
    assertThat(finished.get(1).getStatus()).isEqualTo(StatusData.error());
    assertThat(finished.get(1).getAttributes().get(
            io.opentelemetry.api.common.AttributeKey.stringKey("db.response.status_code")))
        .isEqualTo("42102");
  }

  @Test
  void getConnectionIsASpanInsideATraceOnly() throws SQLException {
    try (Connection outside = dataSource.getConnection()) {
      assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
    Span parent = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
    try (Scope ignored = parent.makeCurrent();
        Connection inside = dataSource.getConnection()) {
      assertThat(inside.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
    } finally {
      parent.end();
    }
    assertThat(spans.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("JdbcDataSource.getConnection", "request");
  }

  /** The sanitizer on tricky SQL that H2 runs (see the smoke tests for PostgreSQL and MariaDB). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "quotes inside strings | SELECT 'it''s -- no comment' AS a FROM users WHERE name = 'O''Brien'"
            + " | SELECT ? AS a FROM users WHERE name = ?",
        "comments | SELECT /* 'boss' 42 */ name FROM users -- 'why' 7\\nWHERE id = 42"
            + " | SELECT /* ? ? */ name FROM users /* ? ?*/ WHERE id = ?",
        "in lists | SELECT name FROM users WHERE id IN (1, 2, 3) AND name IN ('a', 'b')"
            + " | SELECT name FROM users WHERE id IN (?) AND name IN (?)",
        "numbers | SELECT name FROM users WHERE id > -1.5e3 OR id = 0.25"
            + " | SELECT name FROM users WHERE id > ? OR id = ?",
        "hex | SELECT name FROM users WHERE CAST(name AS VARBINARY) <> X'CAFE'"
            + " | SELECT name FROM users WHERE CAST(name AS VARBINARY) <> ?",
        "unicode | SELECT name FROM users WHERE name = 'Zoë 日本語 🚀' OR name = N'ünï'"
            + " | SELECT name FROM users WHERE name = ? OR name = ?",
        "dollar quoting | SELECT $$it's 'secret'$$ AS s FROM users | SELECT ? AS s FROM users",
      })
  void queryTextsAreSanitized(String name, String sql, String sanitized) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet ignored = statement.executeQuery(sql.replace("\\n", "\n"))) {
      // executed
    }
    assertThat(spans.getFinishedSpanItems())
        .singleElement()
        .satisfies(
            span ->
                assertThat(span.getAttributes().get(
                        io.opentelemetry.api.common.AttributeKey.stringKey("db.query.text")))
                    .isEqualTo(sanitized));
  }

  @Test
  void sanitizationCanBeTurnedOff() throws SQLException {
    DataSource raw =
        JdbcTelemetry.builder(openTelemetry)
            .setQuerySanitizationEnabled(false)
            .build()
            .wrap(h2("jdbc:h2:mem:library;DB_CLOSE_DELAY=-1"));
    try (Connection rawConnection = raw.getConnection();
        Statement statement = rawConnection.createStatement();
        ResultSet ignored = statement.executeQuery("SELECT name FROM users WHERE id = 7")) {
      // executed
    }
    assertThat(spans.getFinishedSpanItems().get(0).getAttributes().get(
            io.opentelemetry.api.common.AttributeKey.stringKey("db.query.text")))
        .isEqualTo("SELECT name FROM users WHERE id = 7");
  }

  private static JdbcDataSource h2(String url) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    return h2;
  }
}
