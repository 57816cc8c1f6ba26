package io.lumen.instrumentation.jdbc;

import io.lumen.instrumentation.jdbc.internal.JdbcInstrumenters;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.util.ClassAndMethod;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;

/** Settings of {@link JdbcTelemetry}. */
public final class JdbcTelemetryBuilder {

  private final OpenTelemetry openTelemetry;
  private boolean querySanitizationEnabled = true;
  private boolean dataSourceInstrumenterEnabled = false;

  JdbcTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /**
   * Whether {@code db.query.text} has its literals (strings, numbers, hex, {@code IN} lists)
   * replaced by {@code ?}. On by default: literals are where passwords and personal data end up.
   */
  public JdbcTelemetryBuilder setQuerySanitizationEnabled(boolean enabled) {
    this.querySanitizationEnabled = enabled;
    return this;
  }

  /**
   * Whether {@code getConnection} on the wrapped data source gets an INTERNAL span of its own
   * (inside a trace only). Off by default; worth turning on when waiting for a pooled connection
   * is where time may go.
   */
  public JdbcTelemetryBuilder setDataSourceInstrumenterEnabled(boolean enabled) {
    this.dataSourceInstrumenterEnabled = enabled;
    return this;
  }

  public JdbcTelemetry build() {
    Instrumenter<ClassAndMethod, Void> dataSources =
        dataSourceInstrumenterEnabled ? JdbcInstrumenters.dataSources(openTelemetry) : null;
    return new JdbcTelemetry(
        JdbcInstrumenters.statements(openTelemetry, querySanitizationEnabled), dataSources);
  }
}
