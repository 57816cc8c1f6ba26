package io.lumen.instrumentation.logs;

import io.lumen.agent.extension.AgentConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's side of the logging bridges: settings from the agent's configuration, and whether
 * log export is on at all.
 *
 * <p>Keys, each with a per-framework variant that wins ({@code <name>} is the module's name, such
 * as {@code logback-appender}):
 *
 * <ul>
 *   <li>{@code otel.instrumentation.logs.minimum-level} / {@code
 *       otel.instrumentation.<name>.minimum-level}: the lowest level exported ({@code TRACE} ...
 *       {@code FATAL}, or a {@code java.util.logging} level name); everything by default.
 *   <li>{@code otel.instrumentation.logs.capture-mdc-attributes} / {@code
 *       otel.instrumentation.<name>.capture-mdc-attributes}: MDC / context data as attributes;
 *       false by default.
 *   <li>{@code otel.instrumentation.common.logging.trace-id}, {@code ...span-id}, {@code
 *       ...trace-flags}: the MDC keys of the span ids.
 * </ul>
 *
 * <p>Only for the agent's instrumentation modules: it reads {@link AgentConfig}.
 */
public final class AgentLogBridges {

  private static final Logger logger = Logger.getLogger(AgentLogBridges.class.getName());

  private AgentLogBridges() {}

  /** A bridge over the agent's SDK with the settings of module {@code moduleName}. */
  public static LogBridge create(String moduleName) {
    return LogBridge.create(
        GlobalOpenTelemetry.get().getLogsBridge(), settings(AgentConfig.get(), moduleName));
  }

  /** The correlation keys configured for the agent. */
  public static CorrelationKeys correlationKeys() {
    return correlationKeys(AgentConfig.get());
  }

  /**
   * Whether log records are exported at all: not when {@code otel.logs.exporter} is {@code none}.
   * The MDC correlation modules run regardless.
   */
  public static boolean isExportEnabled(ConfigProperties config) {
    List<String> exporters = config.getList("otel.logs.exporter");
    return exporters.isEmpty() || !(exporters.size() == 1 && "none".equals(exporters.get(0)));
  }

  static LogBridgeSettings settings(ConfigProperties config, String moduleName) {
    LogBridgeSettingsBuilder builder =
        LogBridgeSettings.builder().setCorrelationKeys(correlationKeys(config));
    String level = firstSet(config, moduleName, "minimum-level");
    if (level != null) {
      Severity severity = LogBridgeSettings.parseSeverity(level);
      if (severity == null) {
        logger.log(
            Level.WARNING, "Unknown log level {0} for {1}: exporting every level", new Object[] {level, moduleName});
      } else {
        builder.setMinimumSeverity(severity);
      }
    }
    String capture = firstSet(config, moduleName, "capture-mdc-attributes");
    if (capture != null) {
      builder.setCaptureContextData(Boolean.parseBoolean(capture.trim()));
    }
    return builder.build();
  }

  static CorrelationKeys correlationKeys(ConfigProperties config) {
    CorrelationKeys defaults = CorrelationKeys.defaults();
    return CorrelationKeys.create(
        config.getString("otel.instrumentation.common.logging.trace-id", defaults.traceId()),
        config.getString("otel.instrumentation.common.logging.span-id", defaults.spanId()),
        config.getString("otel.instrumentation.common.logging.trace-flags", defaults.traceFlags()));
  }

  private static String firstSet(ConfigProperties config, String moduleName, String suffix) {
    String value = config.getString("otel.instrumentation." + moduleName + "." + suffix);
    if (value == null || value.trim().isEmpty()) {
      value = config.getString("otel.instrumentation.logs." + suffix);
    }
    return value == null || value.trim().isEmpty() ? null : value;
  }
}
