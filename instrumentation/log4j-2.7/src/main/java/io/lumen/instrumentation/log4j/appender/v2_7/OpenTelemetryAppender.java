package io.lumen.instrumentation.log4j.appender.v2_7;

import io.lumen.instrumentation.logs.LogBridge;
import io.lumen.instrumentation.logs.LogBridgeSettings;
import io.lumen.instrumentation.logs.LogCaptureGuard;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Severity;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A Log4j 2 appender that exports every event it receives as an OTLP log record, for applications
 * that use the companion SDK without the agent (with the agent, leave it out: the agent exports
 * Log4j events by itself).
 *
 * <pre>{@code
 * <Configuration packages="io.lumen.instrumentation.log4j.appender.v2_7">
 *   <Appenders>
 *     <OpenTelemetry name="OTEL" captureMdcAttributes="true" minimumLevel="INFO"/>
 *   </Appenders>
 *   <Loggers>
 *     <Root level="info"><AppenderRef ref="OTEL"/></Root>
 *   </Loggers>
 * </Configuration>
 * }</pre>
 *
 * <p>It emits through the {@link OpenTelemetry} given to {@link #install(OpenTelemetry)}, else
 * through {@link GlobalOpenTelemetry} once something set it, as {@code
 * LumenOpenTelemetry.builder().setResultAsGlobal(true)} does; until then events are dropped. The
 * record belongs to the span current where the appender runs: with synchronous appenders, where
 * the application logged.
 */
@Plugin(name = "OpenTelemetry", category = "Core", elementType = Appender.ELEMENT_TYPE)
public class OpenTelemetryAppender extends AbstractAppender {

  private final boolean captureMdcAttributes;
  private final Severity minimumSeverity;
  @Nullable private volatile OpenTelemetry openTelemetry;
  @Nullable private volatile Log4jEventMapper mapper;

  protected OpenTelemetryAppender(
      String name,
      @Nullable Filter filter,
      boolean captureMdcAttributes,
      Severity minimumSeverity) {
    super(name, filter, null);
    this.captureMdcAttributes = captureMdcAttributes;
    this.minimumSeverity = minimumSeverity;
  }

  /** The factory log4j2.xml uses. */
  @PluginFactory
  public static OpenTelemetryAppender createAppender(
      @PluginAttribute("name") String name,
      @PluginAttribute("captureMdcAttributes") boolean captureMdcAttributes,
      @PluginAttribute("minimumLevel") String minimumLevel,
      @PluginElement("Filter") Filter filter) {
    Severity severity = LogBridgeSettings.parseSeverity(minimumLevel);
    return new OpenTelemetryAppender(
        name == null ? "OpenTelemetry" : name,
        filter,
        captureMdcAttributes,
        severity == null ? Severity.UNDEFINED_SEVERITY_NUMBER : severity);
  }

  /**
   * Sets {@code openTelemetry} on every {@code OpenTelemetryAppender} of Log4j's current
   * configuration; call it once the SDK is built.
   */
  public static void install(OpenTelemetry openTelemetry) {
    org.apache.logging.log4j.spi.LoggerContext context = LogManager.getContext(false);
    if (!(context instanceof LoggerContext)) {
      return;
    }
    for (Appender appender :
        ((LoggerContext) context).getConfiguration().getAppenders().values()) {
      if (appender instanceof OpenTelemetryAppender) {
        ((OpenTelemetryAppender) appender).setOpenTelemetry(openTelemetry);
      }
    }
  }

  public void setOpenTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.mapper = null;
  }

  @Override
  public void append(LogEvent event) {
    boolean outermost = LogCaptureGuard.enter();
    try {
      if (outermost) {
        Log4jEventMapper current = mapper();
        if (current != null) {
          current.emit(
              event.getLoggerName(),
              event.getLevel(),
              event.getMessage(),
              event.getThrown(),
              TimeUnit.MILLISECONDS.toNanos(event.getTimeMillis()),
              current.capturesContextData() ? event.getContextData().toMap() : null);
        }
      }
    } finally {
      LogCaptureGuard.exit();
    }
  }

  @Nullable
  private Log4jEventMapper mapper() {
    Log4jEventMapper current = mapper;
    if (current != null) {
      return current;
    }
    OpenTelemetry resolved = openTelemetry;
    if (resolved == null) {
      if (!GlobalOpenTelemetry.isSet()) {
        return null;
      }
      resolved = GlobalOpenTelemetry.get();
    }
    current =
        new Log4jEventMapper(
            LogBridge.create(
                resolved.getLogsBridge(),
                LogBridgeSettings.builder()
                    .setCaptureContextData(captureMdcAttributes)
                    .setMinimumSeverity(minimumSeverity)
                    .build()));
    mapper = current;
    return current;
  }
}
