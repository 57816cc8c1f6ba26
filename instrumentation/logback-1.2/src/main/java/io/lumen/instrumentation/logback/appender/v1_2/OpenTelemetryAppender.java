package io.lumen.instrumentation.logback.appender.v1_2;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.lumen.instrumentation.logs.LogBridge;
import io.lumen.instrumentation.logs.LogBridgeSettings;
import io.lumen.instrumentation.logs.LogCaptureGuard;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Severity;
import java.util.Iterator;
import javax.annotation.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * A logback appender that exports every event it receives as an OTLP log record, for applications
 * that use the companion SDK without the agent (with the agent, leave it out: the agent exports
 * logback events by itself).
 *
 * <pre>{@code
 * <appender name="OTEL" class="io.lumen.instrumentation.logback.appender.v1_2.OpenTelemetryAppender">
 *   <captureMdcAttributes>true</captureMdcAttributes>  <!-- optional, false by default -->
 *   <minimumLevel>INFO</minimumLevel>                  <!-- optional, everything by default -->
 * </appender>
 * <root level="INFO">
 *   <appender-ref ref="OTEL"/>
 * </root>
 * }</pre>
 *
 * <p>It emits through the {@link OpenTelemetry} given to {@link #install(OpenTelemetry)} (or
 * {@link #setOpenTelemetry}), else through {@link GlobalOpenTelemetry} once something set it, as
 * {@code LumenOpenTelemetry.builder().setResultAsGlobal(true)} does. Until then events are dropped:
 * the appender never calls {@code GlobalOpenTelemetry.get()} itself, which would fix the global to a
 * no-op before the SDK starts.
 */
public class OpenTelemetryAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  @Nullable private volatile OpenTelemetry openTelemetry;
  @Nullable private volatile LoggingEventMapper mapper;
  private boolean captureMdcAttributes;
  private Severity minimumSeverity = Severity.UNDEFINED_SEVERITY_NUMBER;

  /**
   * Sets {@code openTelemetry} on every {@code OpenTelemetryAppender} attached to a logger of
   * logback's current context; call it once the SDK is built.
   */
  public static void install(OpenTelemetry openTelemetry) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      return;
    }
    for (Logger logger : ((LoggerContext) factory).getLoggerList()) {
      Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
      while (appenders.hasNext()) {
        Appender<ILoggingEvent> appender = appenders.next();
        if (appender instanceof OpenTelemetryAppender) {
          ((OpenTelemetryAppender) appender).setOpenTelemetry(openTelemetry);
        }
      }
    }
  }

  public void setOpenTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.mapper = null;
  }

  /** Whether MDC entries become log record attributes; false by default. */
  public void setCaptureMdcAttributes(boolean captureMdcAttributes) {
    this.captureMdcAttributes = captureMdcAttributes;
    this.mapper = null;
  }

  /** The lowest level exported ({@code TRACE} ... {@code ERROR}); everything by default. */
  public void setMinimumLevel(String minimumLevel) {
    Severity severity = LogBridgeSettings.parseSeverity(minimumLevel);
    if (severity == null) {
      addWarn("Unknown minimumLevel " + minimumLevel + ": exporting every level");
      severity = Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    this.minimumSeverity = severity;
    this.mapper = null;
  }

  @Override
  protected void append(ILoggingEvent event) {
    // The guard also keeps this appender quiet when the agent already exported the event, and
    // when exporting logs through logback on this thread.
    boolean outermost = LogCaptureGuard.enter();
    try {
      if (outermost) {
        LoggingEventMapper current = mapper();
        if (current != null) {
          current.emit(event);
        }
      }
    } finally {
      LogCaptureGuard.exit();
    }
  }

  @Nullable
  private LoggingEventMapper mapper() {
    LoggingEventMapper current = mapper;
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
        new LoggingEventMapper(
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
