package io.lumen.instrumentation.logs;

import io.opentelemetry.api.logs.Severity;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * What a logging bridge exports: the lowest severity, and whether the event's MDC / context data
 * becomes log record attributes. Immutable; build one with {@link #builder()}.
 */
public final class LogBridgeSettings {

  private static final LogBridgeSettings DEFAULTS = builder().build();

  private final Severity minimumSeverity;
  private final boolean captureContextData;
  private final CorrelationKeys correlationKeys;

  LogBridgeSettings(
      Severity minimumSeverity, boolean captureContextData, CorrelationKeys correlationKeys) {
    this.minimumSeverity = minimumSeverity;
    this.captureContextData = captureContextData;
    this.correlationKeys = correlationKeys;
  }

  /** Everything the application's logging lets through, without MDC attributes. */
  public static LogBridgeSettings defaults() {
    return DEFAULTS;
  }

  public static LogBridgeSettingsBuilder builder() {
    return new LogBridgeSettingsBuilder();
  }

  /** Events below this severity are not exported; {@code UNDEFINED_SEVERITY_NUMBER} for none. */
  public Severity minimumSeverity() {
    return minimumSeverity;
  }

  /** Whether MDC / context-data entries become attributes of the record. */
  public boolean captureContextData() {
    return captureContextData;
  }

  /**
   * The keys the span ids go under in the MDC. Never copied into attributes: the record carries
   * the ids in its own fields.
   */
  public CorrelationKeys correlationKeys() {
    return correlationKeys;
  }

  /**
   * Parses a level name into the severity it stands for: OpenTelemetry's names ({@code TRACE},
   * {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}, {@code FATAL}), also those of
   * logback and Log4j, {@code WARNING}, and {@code java.util.logging}'s ({@code FINEST} ... {@code
   * SEVERE}); case does not matter. {@code ALL} means everything.
   *
   * @return null for a name it does not know
   */
  @Nullable
  public static Severity parseSeverity(@Nullable String name) {
    if (name == null) {
      return null;
    }
    switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "ALL":
        return Severity.UNDEFINED_SEVERITY_NUMBER;
      case "TRACE":
      case "FINEST":
        return Severity.TRACE;
      case "FINER":
        return Severity.TRACE4;
      case "DEBUG":
      case "FINE":
        return Severity.DEBUG;
      case "CONFIG":
        return Severity.DEBUG4;
      case "INFO":
        return Severity.INFO;
      case "WARN":
      case "WARNING":
        return Severity.WARN;
      case "ERROR":
      case "SEVERE":
        return Severity.ERROR;
      case "FATAL":
        return Severity.FATAL;
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return "LogBridgeSettings{minimumSeverity="
        + minimumSeverity
        + ", captureContextData="
        + captureContextData
        + ", "
        + correlationKeys
        + "}";
  }
}
