package io.lumen.instrumentation.jul;

import static java.util.Objects.requireNonNull;

import io.lumen.instrumentation.logs.LogBridge;
import io.lumen.instrumentation.logs.LogBridgeSettings;
import io.lumen.instrumentation.logs.LogCaptureGuard;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import javax.annotation.Nullable;

/**
 * A {@code java.util.logging} handler that exports every record it is given as an OTLP log record,
 * for applications that use the companion SDK without the agent (with the agent, leave it out: the
 * agent exports java.util.logging records by itself).
 *
 * <pre>{@code
 * java.util.logging.Logger.getLogger("").addHandler(new OpenTelemetryHandler(openTelemetry));
 * }</pre>
 *
 * or in {@code logging.properties}, where it emits through {@link GlobalOpenTelemetry} once
 * something set it ({@code LumenOpenTelemetry.builder().setResultAsGlobal(true)}), dropping records
 * until then:
 *
 * <pre>{@code
 * handlers = java.util.logging.ConsoleHandler, io.lumen.instrumentation.jul.OpenTelemetryHandler
 * io.lumen.instrumentation.jul.OpenTelemetryHandler.level = INFO
 * }</pre>
 */
public class OpenTelemetryHandler extends Handler {

  @Nullable private final OpenTelemetry openTelemetry;
  @Nullable private volatile LogRecordMapper mapper;

  /** Emits through {@link GlobalOpenTelemetry} once it is set; for {@code logging.properties}. */
  public OpenTelemetryHandler() {
    this.openTelemetry = null;
    String level = LogManager.getLogManager().getProperty(getClass().getName() + ".level");
    if (level != null) {
      try {
        setLevel(Level.parse(level.trim()));
      } catch (IllegalArgumentException unknownLevel) {
        // keep Level.ALL
      }
    }
  }

  public OpenTelemetryHandler(OpenTelemetry openTelemetry) {
    this.openTelemetry = requireNonNull(openTelemetry, "openTelemetry");
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !isLoggable(record)) {
      return;
    }
    boolean outermost = LogCaptureGuard.enter();
    try {
      if (outermost) {
        LogRecordMapper current = mapper();
        if (current != null) {
          current.emit(record);
        }
      }
    } finally {
      LogCaptureGuard.exit();
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Nullable
  private LogRecordMapper mapper() {
    LogRecordMapper current = mapper;
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
        new LogRecordMapper(LogBridge.create(resolved.getLogsBridge(), LogBridgeSettings.defaults()));
    mapper = current;
    return current;
  }
}
