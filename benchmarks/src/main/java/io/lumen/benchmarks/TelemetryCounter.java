package io.lumen.benchmarks;

import io.lumen.testing.receiver.ExportRequest;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.TelemetryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts what reaches the receiver during a measured run, where the receiver keeps nothing
 * (millions of spans would fill the benchmark's heap and slow the receiver down).
 */
public final class TelemetryCounter implements TelemetryListener {

  private final AtomicLong spans = new AtomicLong();
  private final AtomicLong logRecords = new AtomicLong();
  private final AtomicLong metricExports = new AtomicLong();

  @Override
  public void onSpans(List<ReceivedSpan> received, ExportRequest request) {
    spans.addAndGet(received.size());
  }

  @Override
  public void onLogRecords(List<ReceivedLogRecord> received, ExportRequest request) {
    logRecords.addAndGet(received.size());
  }

  @Override
  public void onMetrics(List<ReceivedMetric> received, ExportRequest request) {
    metricExports.incrementAndGet();
  }

  public long spans() {
    return spans.get();
  }

  public long logRecords() {
    return logRecords.get();
  }

  public long metricExports() {
    return metricExports.get();
  }

  /**
   * Waits until {@code count} has not changed for {@code quiet}, or {@code atMost} passed: until
   * exports in flight have arrived.
   */
  public static void awaitQuiet(LongSupplier count, Duration quiet, Duration atMost)
      throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    long last = count.getAsLong();
    long lastChange = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(50);
      long now = count.getAsLong();
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange >= quiet.toNanos()) {
        return;
      }
    }
  }
}
