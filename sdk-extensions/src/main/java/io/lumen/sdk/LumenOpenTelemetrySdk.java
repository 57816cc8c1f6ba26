package io.lumen.sdk;

import io.lumen.sdk.internal.InFlightSpans;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import java.io.Closeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * A running, Lumen-configured OpenTelemetry SDK together with the configuration it was built from.
 * Built by {@link LumenOpenTelemetryBuilder}.
 *
 * <p>{@link #getConfig()} is the very {@link ConfigProperties} autoconfigure used, Lumen's defaults
 * included, so that code around the SDK (the agent reading its {@code otel.javaagent.*} and {@code
 * otel.instrumentation.*} keys) sees the same values as the SDK did.
 *
 * <p>{@link #shutdown()} may be called any number of times, and the JVM shutdown hook after it
 * does nothing.
 */
public final class LumenOpenTelemetrySdk implements Closeable {

  private static final Logger logger = Logger.getLogger(LumenOpenTelemetrySdk.class.getName());
  private static final Duration MAX_IN_FLIGHT_GRACE = Duration.ofSeconds(1);
  private final OpenTelemetrySdk openTelemetrySdk;
  private final ConfigProperties config;
  private final Resource resource;
  private final Duration shutdownTimeout;
  private final AtomicBoolean shutdownStarted = new AtomicBoolean();
  @Nullable private volatile CompletableResultCode shutdownResult;
  @Nullable private final Thread shutdownHook;
  private final InFlightSpans inFlightSpans;

  private LumenOpenTelemetrySdk(
      OpenTelemetrySdk openTelemetrySdk,
      ConfigProperties config,
      Resource resource,
      boolean shutdownHookEnabled,
      Duration shutdownTimeout,
      InFlightSpans inFlightSpans) {
    this.openTelemetrySdk = openTelemetrySdk;
    this.inFlightSpans = inFlightSpans;
    this.config = config;
    this.resource = resource;
    this.shutdownTimeout = shutdownTimeout;
    this.shutdownHook = shutdownHookEnabled ? new Thread(this::shutdownOnExit, "lumen-shutdown") : null;
  }

  static LumenOpenTelemetrySdk create(
      OpenTelemetrySdk openTelemetrySdk,
      ConfigProperties config,
      Resource resource,
      boolean shutdownHookEnabled,
      Duration shutdownTimeout,
      InFlightSpans inFlightSpans) {
    LumenOpenTelemetrySdk sdk =
        new LumenOpenTelemetrySdk(
            openTelemetrySdk,
            config,
            resource,
            shutdownHookEnabled,
            shutdownTimeout,
            inFlightSpans);
    if (sdk.shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(sdk.shutdownHook);
    }
    return sdk;
  }

  /** The SDK: tracer, meter and logger providers and the propagators. */
  public OpenTelemetrySdk getOpenTelemetrySdk() {
    return openTelemetrySdk;
  }

  /**
   * The configuration the SDK was built from: system properties, environment, properties suppliers
   * and Lumen's defaults, resolved as autoconfigure resolved them.
   */
  public ConfigProperties getConfig() {
    return config;
  }

  /** How long {@link #close()} and the JVM shutdown hook wait at most. */
  Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** The resource every signal carries (service.name, telemetry.distro.*, host, process...). */
  public Resource getResource() {
    return resource;
  }

  /**
   * Exports everything buffered by the tracer, meter and logger providers. The result completes
   * when all three have exported (or failed).
   */
  public CompletableResultCode flush() {
    return CompletableResultCode.ofAll(
        Arrays.asList(
            openTelemetrySdk.getSdkTracerProvider().forceFlush(),
            openTelemetrySdk.getSdkMeterProvider().forceFlush(),
            openTelemetrySdk.getSdkLoggerProvider().forceFlush()));
  }

  /**
   * Like {@link #flush()}, waiting at most {@code timeout}.
   *
   * @return whether everything was exported within the timeout
   */
  public boolean flush(Duration timeout) {
    return await(flush(), timeout);
  }

  /**
   * Flushes and stops all providers and exporters; telemetry recorded afterwards is dropped.
   * Only the first call shuts down; later calls return the first call's result.
   *
   * <p>The SDK's own shutdown blocks while the metric reader makes its last export, which with an
   * unreachable collector lasts as long as the exporter's timeout and retries. So it runs on a
   * thread of its own, and this method returns at once: {@link #shutdown(Duration)} can then
   * really wait at most its timeout, and a JVM exit is never held up longer than that.
   */
  public CompletableResultCode shutdown() {
    if (shutdownStarted.compareAndSet(false, true)) {
      CompletableResultCode result = new CompletableResultCode();
      shutdownResult = result;
      removeShutdownHook();
      Thread thread =
          new Thread(
              () -> {
                try {
                  CompletableResultCode sdkResult = openTelemetrySdk.shutdown();
                  sdkResult.whenComplete(
                      () -> {
                        if (sdkResult.isSuccess()) {
                          result.succeed();
                        } else {
                          result.fail();
                        }
                      });
                } catch (RuntimeException e) {
                  logger.log(Level.WARNING, "Lumen SDK shutdown failed", e);
                  result.fail();
                }
              },
              "lumen-sdk-shutdown");
      thread.setDaemon(true);
      thread.start();
    }
    CompletableResultCode result = shutdownResult;
    while (result == null) {
      // Another thread won the race and is about to publish its result.
      Thread.yield();
      result = shutdownResult;
    }
    return result;
  }

  /**
   * Like {@link #shutdown()}, waiting at most {@code timeout}.
   *
   * @return whether everything was flushed and stopped within the timeout
   */
  public boolean shutdown(Duration timeout) {
    return await(shutdown(), timeout);
  }

  /**
   * Shuts down, waiting at most {@code otel.lumen.shutdown.timeout} (10 seconds by default), as
   * the JVM shutdown hook does.
   */
  @Override
  public void close() {
    shutdown(shutdownTimeout);
  }

  private void shutdownOnExit() {
    try {
      // Requests still finishing as the JVM stops end their spans first, or those spans are lost;
      // a part of the shutdown timeout at most, the rest is the exporters'.
      long grace = Math.min(MAX_IN_FLIGHT_GRACE.toNanos(), shutdownTimeout.toNanos() / 4);
      inFlightSpans.awaitNone(Duration.ofNanos(grace));
      shutdown(shutdownTimeout);
    } catch (Throwable t) {
      // Logging may itself be shut down by now; stderr is the one channel left.
      System.err.println("[lumen] SDK shutdown at JVM exit failed: " + t);
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already exiting; the hook will find the SDK shut down.
    }
  }

  private static boolean await(CompletableResultCode result, Duration timeout) {
    result.join(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (!result.isSuccess()) {
      logger.log(
          Level.FINE, "Lumen SDK flush or shutdown did not complete within {0}", timeout);
    }
    return result.isSuccess();
  }

  @Override
  public String toString() {
    return "LumenOpenTelemetrySdk{" + "openTelemetrySdk=" + openTelemetrySdk + ", resource=" + resource + '}';
  }
}
