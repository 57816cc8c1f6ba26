package io.lumen.instrumentation.jul;

import static java.util.Objects.requireNonNull;

import io.lumen.instrumentation.logs.LogBridge;
import io.opentelemetry.api.logs.Severity;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javax.annotation.Nullable;

/**
 * Maps a {@code java.util.logging} record onto a log record and emits it through a {@link
 * LogBridge}. Shared by the library-mode {@link OpenTelemetryHandler} and the agent's advice.
 *
 * <p>Records of JBoss LogManager ({@code ExtLogRecord}) format themselves (they may use printf
 * style) and carry an MDC; both are reached through method handles looked up once per record
 * class, so that this class needs no JBoss classes.
 */
public final class LogRecordMapper {

  /** Only {@link Formatter#formatMessage} is used: localization and {@code {0}} parameters. */
  private static final Formatter MESSAGE_FORMATTER =
      new Formatter() {
        @Override
        public String format(LogRecord record) {
          return formatMessage(record);
        }
      };

  /** {@code LogRecord#getInstant()}, Java 9+, for more than millisecond precision. */
  @Nullable
  private static final MethodHandle GET_INSTANT =
      find(LogRecord.class, "getInstant", MethodType.methodType(Instant.class));

  private static final ClassValue<RecordAccessors> ACCESSORS =
      new ClassValue<RecordAccessors>() {
        @Override
        protected RecordAccessors computeValue(Class<?> type) {
          return new RecordAccessors(type);
        }
      };

  private final LogBridge bridge;

  public LogRecordMapper(LogBridge bridge) {
    this.bridge = requireNonNull(bridge, "bridge");
  }

  /** Emits {@code record} unless the bridge's settings leave it out. */
  public void emit(LogRecord record) {
    emit(record, record.getLoggerName());
  }

  /**
   * Emits {@code record} as logged by {@code loggerName}: JBoss LogManager names the record's
   * logger only once it is inside the logger, after the agent saw it.
   */
  public void emit(LogRecord record, @Nullable String loggerName) {
    Level level = record.getLevel();
    Severity severity = severity(level);
    if (!bridge.isExported(severity, loggerName)) {
      return;
    }
    RecordAccessors accessors = ACCESSORS.get(record.getClass());
    bridge.emit(
        loggerName,
        epochNanos(record),
        severity,
        level == null ? null : level.getName(),
        accessors.formattedMessage(record),
        record.getThrown(),
        bridge.capturesContextData()
            ? accessors.mdc(record)
            : Collections.<String, String>emptyMap());
  }

  static Severity severity(@Nullable Level level) {
    if (level == null) {
      return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    int value = level.intValue();
    if (value >= 1100) { // JBoss LogManager's FATAL
      return Severity.FATAL;
    } else if (value >= Level.SEVERE.intValue()) {
      return Severity.ERROR;
    } else if (value >= Level.WARNING.intValue()) {
      return Severity.WARN;
    } else if (value >= Level.INFO.intValue()) {
      return Severity.INFO;
    } else if (value >= Level.CONFIG.intValue()) {
      return Severity.DEBUG4;
    } else if (value >= Level.FINE.intValue()) {
      return Severity.DEBUG;
    } else if (value >= Level.FINER.intValue()) {
      return Severity.TRACE4;
    }
    return Severity.TRACE;
  }

  private static long epochNanos(LogRecord record) {
    if (GET_INSTANT != null) {
      try {
        Instant instant = (Instant) GET_INSTANT.invokeExact(record);
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
      } catch (Throwable fallBackToMillis) {
        // milliseconds below
      }
    }
    return TimeUnit.MILLISECONDS.toNanos(record.getMillis());
  }

  @Nullable
  private static MethodHandle find(Class<?> type, String name, MethodType methodType) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(type, name, methodType)
          .asType(methodType.insertParameterTypes(0, LogRecord.class));
    } catch (NoSuchMethodException | IllegalAccessException | RuntimeException absent) {
      return null;
    }
  }

  /** How to read the message and MDC of one record class. */
  private static final class RecordAccessors {
    @Nullable private final MethodHandle formattedMessage;
    @Nullable private final MethodHandle mdcCopy;

    RecordAccessors(Class<?> recordClass) {
      // JBoss LogManager's ExtLogRecord
      this.formattedMessage =
          find(recordClass, "getFormattedMessage", MethodType.methodType(String.class));
      this.mdcCopy = find(recordClass, "getMdcCopy", MethodType.methodType(Map.class));
    }

    @Nullable
    String formattedMessage(LogRecord record) {
      if (formattedMessage != null) {
        try {
          return (String) formattedMessage.invokeExact(record);
        } catch (Throwable useTheStandardFormatting) {
          // below
        }
      }
      return MESSAGE_FORMATTER.formatMessage(record);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> mdc(LogRecord record) {
      if (mdcCopy != null) {
        try {
          Map<String, String> mdc = (Map<String, String>) (Map<?, ?>) mdcCopy.invokeExact(record);
          if (mdc != null) {
            return mdc;
          }
        } catch (Throwable noMdc) {
          // below
        }
      }
      return Collections.emptyMap();
    }
  }
}
