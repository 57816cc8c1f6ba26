package io.lumen.instrumentation.logback.appender.v1_2;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.lumen.instrumentation.logs.LogBridge;
import io.opentelemetry.api.logs.Severity;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * Maps a logback event onto a log record and emits it through a {@link LogBridge}. Shared by the
 * library-mode {@link OpenTelemetryAppender} and the agent's advice.
 */
public final class LoggingEventMapper {

  /**
   * {@code ILoggingEvent#getInstant()}, logback 1.3+, for nanosecond timestamps; looked up rather
   * than called so that the class still links against logback 1.2, which has only milliseconds.
   */
  @Nullable private static final MethodHandle GET_INSTANT = findGetInstant();

  private final LogBridge bridge;

  public LoggingEventMapper(LogBridge bridge) {
    this.bridge = requireNonNull(bridge, "bridge");
  }

  /** Emits {@code event} unless the bridge's settings leave it out. */
  public void emit(ILoggingEvent event) {
    Level level = event.getLevel();
    Severity severity = severity(level);
    String loggerName = event.getLoggerName();
    if (!bridge.isExported(severity, loggerName)) {
      return;
    }
    Map<String, String> mdc =
        bridge.capturesContextData() ? event.getMDCPropertyMap() : null;
    bridge.emit(
        loggerName,
        epochNanos(event),
        severity,
        level == null ? null : level.toString(),
        event.getFormattedMessage(),
        throwable(event.getThrowableProxy()),
        mdc == null ? Collections.<String, String>emptyMap() : mdc);
  }

  static Severity severity(@Nullable Level level) {
    if (level == null) {
      return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    int value = level.toInt();
    if (value >= Level.ERROR_INT) {
      return Severity.ERROR;
    } else if (value >= Level.WARN_INT) {
      return Severity.WARN;
    } else if (value >= Level.INFO_INT) {
      return Severity.INFO;
    } else if (value >= Level.DEBUG_INT) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }

  @Nullable
  private static Throwable throwable(@Nullable IThrowableProxy proxy) {
    // Only a live event carries the Throwable itself; a deserialized one has a proxy of text.
    return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
  }

  private static long epochNanos(ILoggingEvent event) {
    if (GET_INSTANT != null) {
      try {
        Instant instant = (Instant) GET_INSTANT.invokeExact(event);
        if (instant != null) {
          return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
        }
      } catch (Throwable fallBackToMillis) {
        // an event class that does not implement it: milliseconds below
      }
    }
    return TimeUnit.MILLISECONDS.toNanos(event.getTimeStamp());
  }

  @Nullable
  private static MethodHandle findGetInstant() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(ILoggingEvent.class, "getInstant", MethodType.methodType(Instant.class))
          .asType(MethodType.methodType(Instant.class, ILoggingEvent.class));
    } catch (NoSuchMethodException | IllegalAccessException logback12) {
      return null;
    }
  }
}
