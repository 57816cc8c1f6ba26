package io.lumen.instrumentation.jdbc;

import io.lumen.instrumentation.jdbc.internal.DbRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.util.ClassAndMethod;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import javax.sql.DataSource;

/**
 * Spans and {@code db.client.operation.duration} for JDBC, in library mode: wrap the application's
 * {@link DataSource} (a pool's, or a driver's) and every statement executed on its connections is
 * traced, whatever the driver.
 *
 * <pre>{@code
 * OpenTelemetry openTelemetry = LumenOpenTelemetry.builder().build().getOpenTelemetry();
 * DataSource dataSource = JdbcTelemetry.create(openTelemetry).wrap(hikariDataSource);
 * try (Connection connection = dataSource.getConnection();
 *     PreparedStatement statement = connection.prepareStatement("SELECT * FROM users WHERE id = ?")) {
 *   ... // one CLIENT span "SELECT users"
 * }
 * }</pre>
 *
 * <p>With the Lumen agent attached there is nothing to wrap: the agent traces every driver by
 * itself, and a wrapped data source would report each execution twice.
 */
public final class JdbcTelemetry {

  private final Instrumenter<DbRequest, Void> statementInstrumenter;
  private final Instrumenter<ClassAndMethod, Void> dataSourceInstrumenter;

  JdbcTelemetry(
      Instrumenter<DbRequest, Void> statementInstrumenter,
      Instrumenter<ClassAndMethod, Void> dataSourceInstrumenter) {
    this.statementInstrumenter = statementInstrumenter;
    this.dataSourceInstrumenter = dataSourceInstrumenter;
  }

  /** Telemetry with default settings (query texts sanitized), reporting to {@code openTelemetry}. */
  public static JdbcTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static JdbcTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new JdbcTelemetryBuilder(openTelemetry);
  }

  /** A data source whose connections trace every statement execution. */
  public DataSource wrap(DataSource dataSource) {
    return new OpenTelemetryDataSource(dataSource, statementInstrumenter, dataSourceInstrumenter);
  }
}
