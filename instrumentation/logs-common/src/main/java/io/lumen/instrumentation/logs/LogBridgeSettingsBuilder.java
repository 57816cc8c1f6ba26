package io.lumen.instrumentation.logs;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.logs.Severity;

/** Builds {@link LogBridgeSettings}. */
public final class LogBridgeSettingsBuilder {

  private Severity minimumSeverity = Severity.UNDEFINED_SEVERITY_NUMBER;
  private boolean captureContextData;
  private CorrelationKeys correlationKeys = CorrelationKeys.defaults();

  LogBridgeSettingsBuilder() {}

  /**
   * Exports only events at or above {@code minimumSeverity}. By default everything the
   * application's logging configuration lets through is exported.
   */
  public LogBridgeSettingsBuilder setMinimumSeverity(Severity minimumSeverity) {
    this.minimumSeverity = requireNonNull(minimumSeverity, "minimumSeverity");
    return this;
  }

  /**
   * Whether MDC / context-data entries become attributes of the record. Off by default: the MDC
   * often holds request data nobody meant to ship.
   */
  public LogBridgeSettingsBuilder setCaptureContextData(boolean captureContextData) {
    this.captureContextData = captureContextData;
    return this;
  }

  public LogBridgeSettingsBuilder setCorrelationKeys(CorrelationKeys correlationKeys) {
    this.correlationKeys = requireNonNull(correlationKeys, "correlationKeys");
    return this;
  }

  public LogBridgeSettings build() {
    return new LogBridgeSettings(minimumSeverity, captureContextData, correlationKeys);
  }
}
