package io.lumen.instrumentation.runtimetelemetry;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JVM runtime metrics after the stable JVM semantic conventions: {@code jvm.memory.used}, {@code
 * jvm.memory.committed}, {@code jvm.memory.limit}, {@code jvm.memory.used_after_last_gc}, {@code
 * jvm.gc.duration}, {@code jvm.thread.count}, {@code jvm.class.loaded}, {@code jvm.class.unloaded},
 * {@code jvm.class.count}, {@code jvm.cpu.time}, {@code jvm.cpu.count}, {@code
 * jvm.cpu.recent_utilization}, plus the buffer-pool metrics {@code jvm.buffer.memory.used}, {@code
 * jvm.buffer.memory.limit} and {@code jvm.buffer.count}, all under the scope {@code
 * io.opentelemetry.runtime-telemetry}.
 *
 * <p>The agent starts them by itself. An application that uses the companion SDK starts them once
 * and keeps them running:
 *
 * <pre>{@code
 * JvmRuntimeMetrics runtimeMetrics = JvmRuntimeMetrics.start(openTelemetry);
 * // on shutdown, if the SDK lives on:
 * runtimeMetrics.close();
 * }</pre>
 *
 * <p>The measurements come from OpenTelemetry's {@code opentelemetry-runtime-telemetry} library
 * (JMX beans, and JFR events where enabled); this class chooses which of its metrics run.
 */
public final class JvmRuntimeMetrics implements AutoCloseable {

  private static final Logger logger = Logger.getLogger(JvmRuntimeMetrics.class.getName());

  private final List<AutoCloseable> observers;
  private final AtomicBoolean closed = new AtomicBoolean();

  JvmRuntimeMetrics(List<AutoCloseable> observers) {
    this.observers = observers;
  }

  /** Starts the default metrics: the stable ones and buffer pools, no JFR. */
  public static JvmRuntimeMetrics start(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static JvmRuntimeMetricsBuilder builder(OpenTelemetry openTelemetry) {
    return new JvmRuntimeMetricsBuilder(requireNonNull(openTelemetry, "openTelemetry"));
  }

  /** Stops recording; the metrics stop being reported. Closing twice does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (AutoCloseable observer : observers) {
      try {
        observer.close();
      } catch (Exception e) {
        logger.log(Level.FINE, "Could not stop a runtime metric observer", e);
      }
    }
  }
}
