package io.lumen.instrumentation.log4j.appender.v2_7;

import static java.util.Objects.requireNonNull;

import io.lumen.instrumentation.logs.LogBridge;
import io.opentelemetry.api.logs.Severity;
import java.util.Collections;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.message.Message;

/**
 * Maps a Log4j 2 logging call onto a log record and emits it through a {@link LogBridge}. Shared by
 * the library-mode {@link OpenTelemetryAppender} and the agent's advice.
 */
public final class Log4jEventMapper {

  private final LogBridge bridge;

  public Log4jEventMapper(LogBridge bridge) {
    this.bridge = requireNonNull(bridge, "bridge");
  }

  /** Whether callers need the context data for {@link #emit}. */
  public boolean capturesContextData() {
    return bridge.capturesContextData();
  }

  /**
   * Emits one event unless the bridge's settings leave it out.
   *
   * @param epochNanos when it happened, in nanoseconds since the epoch
   * @param contextData the event's context data (thread context), read only when {@linkplain
   *     #capturesContextData() captured}; may be null
   */
  public void emit(
      @Nullable String loggerName,
      @Nullable Level level,
      @Nullable Message message,
      @Nullable Throwable thrown,
      long epochNanos,
      @Nullable Map<String, String> contextData) {
    Severity severity = severity(level);
    if (!bridge.isExported(severity, loggerName)) {
      return;
    }
    if (thrown == null && message != null) {
      thrown = message.getThrowable();
    }
    bridge.emit(
        loggerName,
        epochNanos,
        severity,
        level == null ? null : level.name(),
        body(message),
        thrown,
        contextData == null ? Collections.<String, String>emptyMap() : contextData);
  }

  /**
   * The formatted message. An application's own {@code Message} may fail to format; then its
   * format string, rather than an exception in advice (which, repeated, would switch the whole
   * instrumentation off).
   */
  @Nullable
  private static String body(@Nullable Message message) {
    if (message == null) {
      return null;
    }
    try {
      return message.getFormattedMessage();
    } catch (RuntimeException e) {
      return message.getFormat();
    }
  }

  static Severity severity(@Nullable Level level) {
    if (level == null) {
      return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    // Lower is more severe: FATAL 100, ERROR 200, WARN 300, INFO 400, DEBUG 500, TRACE 600.
    int value = level.intLevel();
    if (value <= Level.FATAL.intLevel()) {
      return Severity.FATAL;
    } else if (value <= Level.ERROR.intLevel()) {
      return Severity.ERROR;
    } else if (value <= Level.WARN.intLevel()) {
      return Severity.WARN;
    } else if (value <= Level.INFO.intLevel()) {
      return Severity.INFO;
    } else if (value <= Level.DEBUG.intLevel()) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }
}
