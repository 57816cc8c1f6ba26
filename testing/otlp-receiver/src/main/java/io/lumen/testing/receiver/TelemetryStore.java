package io.lumen.testing.receiver;

import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What the receiver has received, shared by its gRPC and HTTP endpoints. One lock guards all of
 * it, and every arrival wakes the threads waiting in {@link #await}.
 */
final class TelemetryStore {

  private final boolean retainTelemetry;
  private final List<TelemetryListener> listeners;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final List<ReceivedMetric> metrics = new ArrayList<>();
  private final List<ReceivedLogRecord> logRecords = new ArrayList<>();
  private final Map<Signal, Integer> requestCounts = new EnumMap<>(Signal.class);
  private final Map<Signal, ExportRequest> lastRequests = new EnumMap<>(Signal.class);

  TelemetryStore(boolean retainTelemetry, List<TelemetryListener> listeners) {
    this.retainTelemetry = retainTelemetry;
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  /** Decodes and records one export; {@code payload} is the Export*ServiceRequest of its signal. */
  void receive(ExportRequest request, Message payload) {
    switch (request.signal()) {
      case TRACES:
        List<ReceivedSpan> newSpans = OtlpDecoder.spans((ExportTraceServiceRequest) payload);
        record(request, spans, newSpans);
        listeners.forEach(listener -> notify(() -> listener.onSpans(newSpans, request)));
        break;
      case METRICS:
        List<ReceivedMetric> newMetrics =
            OtlpDecoder.metrics((ExportMetricsServiceRequest) payload);
        record(request, metrics, newMetrics);
        listeners.forEach(listener -> notify(() -> listener.onMetrics(newMetrics, request)));
        break;
      case LOGS:
        List<ReceivedLogRecord> newRecords =
            OtlpDecoder.logRecords((ExportLogsServiceRequest) payload);
        record(request, logRecords, newRecords);
        listeners.forEach(listener -> notify(() -> listener.onLogRecords(newRecords, request)));
        break;
    }
  }

  private <T> void record(ExportRequest request, List<T> store, List<T> received) {
    lock.lock();
    try {
      if (retainTelemetry) {
        store.addAll(received);
      }
      requestCounts.merge(request.signal(), 1, Integer::sum);
      lastRequests.put(request.signal(), request);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static void notify(Runnable notification) {
    try {
      notification.run();
    } catch (RuntimeException e) {
      // A broken listener must not turn an export into an error the exporter would retry.
      System.err.println("[lumen-otlp-receiver] listener failed: " + e);
      e.printStackTrace();
    }
  }

  List<ReceivedSpan> spans() {
    return snapshot(spans);
  }

  List<ReceivedMetric> metrics() {
    return snapshot(metrics);
  }

  List<ReceivedLogRecord> logRecords() {
    return snapshot(logRecords);
  }

  private <T> List<T> snapshot(List<T> list) {
    lock.lock();
    try {
      return List.copyOf(list);
    } finally {
      lock.unlock();
    }
  }

  int requestCount(Signal signal) {
    lock.lock();
    try {
      return requestCounts.getOrDefault(signal, 0);
    } finally {
      lock.unlock();
    }
  }

  Optional<ExportRequest> lastRequest(Signal signal) {
    lock.lock();
    try {
      return Optional.ofNullable(lastRequests.get(signal));
    } finally {
      lock.unlock();
    }
  }

  void reset() {
    lock.lock();
    try {
      spans.clear();
      metrics.clear();
      logRecords.clear();
      requestCounts.clear();
      lastRequests.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code probe} finds what it looks for, re-checking after every arrival.
   *
   * @throws AssertionError with {@code failure}'s message if it is not there within {@code
   *     timeout}
   */
  <T> T await(Supplier<Optional<T>> probe, Duration timeout, Supplier<String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        Optional<T> found = probe.get();
        if (found.isPresent()) {
          return found.get();
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new AssertionError(failure.get());
        }
        // Bounded so that a probe over something other than arrivals is re-checked now and then.
        changed.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(200)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for telemetry", e);
    } finally {
      lock.unlock();
    }
  }
}
