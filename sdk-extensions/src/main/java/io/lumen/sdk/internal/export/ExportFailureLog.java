package io.lumen.sdk.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * One WARNING when exporting to a collector starts failing, one INFO when it works again, and
 * nothing in between: a collector that is down for an hour must not write a line per batch, per
 * signal and per retry into the application's error stream, as the OpenTelemetry exporters do on
 * their own (their messages are filtered out by {@link ExporterLogFilter} while this log is in
 * charge).
 *
 * <p>State is kept per endpoint, so traces, metrics and logs going to one collector share one
 * warning.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ExportFailureLog {

  private static final Logger logger = Logger.getLogger(ExportFailureLog.class.getName());

  private static final ConcurrentMap<String, ExportFailureLog> byEndpoint =
      new ConcurrentHashMap<>();

  private final String endpoint;
  /** Failed exports since the last success; 0 while healthy. */
  private final AtomicLong failures = new AtomicLong();

  private ExportFailureLog(String endpoint) {
    this.endpoint = endpoint;
  }

  /** The log of {@code endpoint}, shared by every exporter sending there. */
  public static ExportFailureLog forEndpoint(String endpoint) {
    ExportFailureLog log = byEndpoint.get(endpoint);
    if (log == null) {
      ExportFailureLog created = new ExportFailureLog(endpoint);
      log = byEndpoint.putIfAbsent(endpoint, created);
      if (log == null) {
        log = created;
      }
    }
    return log;
  }

  /** Records the outcome of {@code result} when it completes; returns it unchanged. */
  CompletableResultCode track(String signal, CompletableResultCode result) {
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            onSuccess(signal);
          } else {
            onFailure(signal, result.getFailureThrowable());
          }
        });
    return result;
  }

  void onSuccess(String signal) {
    long failed = failures.getAndSet(0);
    if (failed > 0) {
      logger.info(
          "Exporting telemetry to "
              + endpoint
              + " works again ("
              + signal
              + " exported after "
              + failed
              + " failed export"
              + (failed == 1 ? "" : "s")
              + ").");
    }
  }

  void onFailure(String signal, @Nullable Throwable cause) {
    if (failures.getAndIncrement() == 0) {
      logger.warning(
          "Exporting "
              + signal
              + " to "
              + endpoint
              + " failed"
              + describe(cause)
              + ". Telemetry waits in the exporters' queues (and on disk, if disk buffering is on)"
              + " and is dropped when they are full; the SDK counts what it drops in its otel.sdk.*"
              + " metrics. Export resumes by itself when the collector is reachable. Further"
              + " failures are not logged until an export succeeds.");
    }
  }

  /** Whether the last export to this endpoint failed. */
  public boolean isFailing() {
    return failures.get() > 0;
  }

  private static String describe(@Nullable Throwable cause) {
    if (cause == null) {
      return "";
    }
    // The exporter's exception wraps the real reason (connection refused, UNAVAILABLE, 503).
    Throwable reason = cause;
    while (reason.getCause() != null && reason.getCause() != reason) {
      reason = reason.getCause();
    }
    String message = reason.getMessage();
    String outer = cause.getMessage();
    StringBuilder text = new StringBuilder(": ");
    if (reason != cause && outer != null) {
      text.append(outer).append(" (");
    }
    text.append(reason.getClass().getSimpleName());
    if (message != null) {
      text.append(": ").append(message);
    }
    if (reason != cause && outer != null) {
      text.append(')');
    }
    return text.toString();
  }
}
