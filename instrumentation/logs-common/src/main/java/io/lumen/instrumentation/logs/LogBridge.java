package io.lumen.instrumentation.logs;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * Turns one event of an application's logging framework into an OTLP log record, the same way for
 * every framework: the logger name becomes the instrumentation scope, the current span's ids come
 * from the current context, the exception becomes {@code exception.type}, {@code
 * exception.message} and {@code exception.stacktrace}, the calling thread becomes {@code
 * thread.name} and {@code thread.id}, and, when enabled, MDC entries become attributes.
 *
 * <p>The records go to the logger provider's processors, normally the SDK's batch processor: its
 * queue is bounded ({@code otel.blrp.max.queue.size}), and a full queue drops the record and counts
 * the drop instead of blocking the thread that logs.
 *
 * <p>Records of OpenTelemetry's and Lumen's own loggers ({@code io.opentelemetry.*}, {@code
 * io.lumen.*}) are never exported: an exporter that logs its own failures would otherwise feed
 * itself.
 */
public final class LogBridge {

  // thread.id and thread.name of the (incubating) semantic conventions.
  static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");
  static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");

  /**
   * Built at run time: the agent jar relocates {@code io.opentelemetry} string constants along
   * with the classes, and this must keep naming the application's loggers.
   */
  private static final String OPENTELEMETRY_LOGGERS = String.join(".", "io", "opentelemetry", "");

  /**
   * The agent's and the SDK's own loggers: exporting what they log about exporting could recurse.
   * Only these: an application whose packages happen to start with {@code io.lumen} is exported.
   */
  private static final String[] LUMEN_LOGGERS = {
    "io.lumen.agent.", "io.lumen.bootstrap.", "io.lumen.sdk.", "io.lumen.shaded.", "io.lumen.instrumentation."
  };

  /** Loggers looked up once per name; past this many names, looked up every time. */
  private static final int MAX_CACHED_LOGGERS = 2048;

  private final LoggerProvider loggerProvider;
  private final LogBridgeSettings settings;
  private final int minimumSeverityNumber;
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  private LogBridge(LoggerProvider loggerProvider, LogBridgeSettings settings) {
    this.loggerProvider = requireNonNull(loggerProvider, "loggerProvider");
    this.settings = requireNonNull(settings, "settings");
    this.minimumSeverityNumber = settings.minimumSeverity().getSeverityNumber();
  }

  /** A bridge that emits through {@code loggerProvider}, usually {@code getLogsBridge()}. */
  public static LogBridge create(LoggerProvider loggerProvider, LogBridgeSettings settings) {
    return new LogBridge(loggerProvider, settings);
  }

  public LogBridgeSettings settings() {
    return settings;
  }

  /** Whether an event of this severity from this logger is exported at all. */
  public boolean isExported(Severity severity, @Nullable String loggerName) {
    return severity.getSeverityNumber() >= minimumSeverityNumber && !isOwnLogger(loggerName);
  }

  /** Whether callers need to collect context data for {@link #emit}. */
  public boolean capturesContextData() {
    return settings.captureContextData();
  }

  /**
   * Emits one record. Call {@link #isExported} first; this does not check it again.
   *
   * @param epochNanos when the event happened, in nanoseconds since the epoch; 0 when unknown
   * @param contextData the event's MDC / context data, used only when {@linkplain
   *     #capturesContextData() captured}; never modified
   */
  public void emit(
      @Nullable String loggerName,
      long epochNanos,
      Severity severity,
      @Nullable String severityText,
      @Nullable String body,
      @Nullable Throwable thrown,
      Map<String, String> contextData) {
    LogRecordBuilder record = logger(loggerName == null ? "" : loggerName).logRecordBuilder();
    if (epochNanos > 0) {
      record.setTimestamp(epochNanos, TimeUnit.NANOSECONDS);
    }
    record.setSeverity(severity);
    if (severityText != null) {
      record.setSeverityText(severityText);
    }
    if (body != null) {
      record.setBody(body);
    }
    if (thrown != null) {
      record.setException(thrown);
    }
    Thread thread = Thread.currentThread();
    record.setAttribute(THREAD_NAME, thread.getName());
    record.setAttribute(THREAD_ID, thread.getId());
    if (settings.captureContextData() && !contextData.isEmpty()) {
      CorrelationKeys correlationKeys = settings.correlationKeys();
      for (Map.Entry<String, String> entry : contextData.entrySet()) {
        String key = entry.getKey();
        if (key != null && entry.getValue() != null && !correlationKeys.contains(key)) {
          record.setAttribute(AttributeKey.stringKey(key), entry.getValue());
        }
      }
    }
    // No explicit context: the SDK takes the current one, whose span the record belongs to.
    record.emit();
  }

  /** The provider's logger for a name: cached, as the provider's own look-up costs a key object. */
  private Logger logger(String name) {
    Logger logger = loggers.get(name);
    if (logger == null) {
      logger = loggerProvider.get(name);
      if (loggers.size() < MAX_CACHED_LOGGERS) {
        loggers.putIfAbsent(name, logger);
      }
    }
    return logger;
  }

  private static boolean isOwnLogger(@Nullable String loggerName) {
    if (loggerName == null) {
      return false;
    }
    if (loggerName.startsWith(OPENTELEMETRY_LOGGERS)) {
      return true;
    }
    for (String prefix : LUMEN_LOGGERS) {
      if (loggerName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "LogBridge{" + settings + "}";
  }
}
