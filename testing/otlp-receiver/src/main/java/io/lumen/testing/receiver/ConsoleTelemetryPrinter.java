package io.lumen.testing.receiver;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Prints what a {@link DevReceiver} receives: each trace as a tree once it is complete, one line
 * per metric export and one line per log record.
 *
 * <p>Exporters send a trace's spans in several batches (children usually first), so a trace is
 * held back until no span of it arrived for {@code quietPeriod}; {@link #printQuietTraces} is
 * called periodically to print those.
 */
final class ConsoleTelemetryPrinter implements TelemetryListener {

  private final PrintStream out;
  private final TraceTreePrinter treePrinter;
  private final long quietPeriodNanos;
  private final LongSupplier nanoTime;

  /** Pending traces by trace id, in order of first arrival; guarded by {@code this}. */
  private final Map<String, PendingTrace> pending = new LinkedHashMap<>();

  ConsoleTelemetryPrinter(
      PrintStream out, TraceTreePrinter treePrinter, Duration quietPeriod, LongSupplier nanoTime) {
    this.out = out;
    this.treePrinter = treePrinter;
    this.quietPeriodNanos = quietPeriod.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void onSpans(List<ReceivedSpan> spans, ExportRequest request) {
    long now = nanoTime.getAsLong();
    for (ReceivedSpan span : spans) {
      PendingTrace trace = pending.computeIfAbsent(span.traceId(), id -> new PendingTrace());
      trace.spans.add(span);
      trace.lastArrivalNanos = now;
    }
  }

  /** Prints, and forgets, every trace that received no span for the quiet period. */
  synchronized void printQuietTraces() {
    long now = nanoTime.getAsLong();
    Iterator<Map.Entry<String, PendingTrace>> traces = pending.entrySet().iterator();
    while (traces.hasNext()) {
      Map.Entry<String, PendingTrace> trace = traces.next();
      if (now - trace.getValue().lastArrivalNanos >= quietPeriodNanos) {
        out.print(treePrinter.render(ReceivedTrace.of(trace.getKey(), trace.getValue().spans)));
        traces.remove();
      }
    }
    out.flush();
  }

  @Override
  public synchronized void onMetrics(List<ReceivedMetric> metrics, ExportRequest request) {
    String services =
        metrics.stream()
            .map(metric -> String.valueOf(metric.resourceAttribute("service.name")))
            .distinct()
            .collect(Collectors.joining(","));
    String names =
        metrics.stream().map(ReceivedMetric::name).distinct().collect(Collectors.joining(", "));
    out.println(
        "metrics (" + services + ", " + request.transport() + "): " + metrics.size()
            + (metrics.size() == 1 ? " metric: " : " metrics: ") + names);
    out.flush();
  }

  @Override
  public synchronized void onLogRecords(List<ReceivedLogRecord> logRecords, ExportRequest request) {
    for (ReceivedLogRecord record : logRecords) {
      String time =
          record.epochNanos() == 0 ? "" : Instant.ofEpochSecond(0, record.epochNanos()) + " ";
      Object service = record.resourceAttribute("service.name");
      out.println("log " + time + (service == null ? "" : "(" + service + ") ") + record);
    }
    out.flush();
  }

  private static final class PendingTrace {
    final List<ReceivedSpan> spans = new ArrayList<>();
    long lastArrivalNanos;
  }
}
