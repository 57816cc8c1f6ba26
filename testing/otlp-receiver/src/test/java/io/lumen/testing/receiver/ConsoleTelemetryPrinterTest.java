package io.lumen.testing.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dev receiver's console output, with a hand-driven clock instead of waiting. */
class ConsoleTelemetryPrinterTest {

  private static final ExportRequest REQUEST =
      new ExportRequest(Signal.TRACES, ExportRequest.Transport.GRPC, Map.of(), "identity");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong();
  private final ConsoleTelemetryPrinter printer =
      new ConsoleTelemetryPrinter(
          new PrintStream(bytes, true, StandardCharsets.UTF_8),
          TraceTreePrinter.keyAttributes(),
          Duration.ofSeconds(1),
          now::get);

  @Test
  void printsATraceOnceNoSpanOfItArrivedForTheQuietPeriod() {
    printer.onSpans(List.of(span("child", "00000000000000aa", "00000000000000bb")), REQUEST);
    now.set(Duration.ofMillis(900).toNanos());
    printer.onSpans(List.of(span("root", "00000000000000bb", null)), REQUEST);

    now.set(Duration.ofMillis(1500).toNanos()); // 1.5 s after the child, 0.6 s after the root
    printer.printQuietTraces();
    assertThat(output()).isEmpty();

    now.set(Duration.ofMillis(1900).toNanos());
    printer.printQuietTraces();
    assertThat(output())
        .isEqualTo(
            "trace 0102030405060708090a0b0c0d0e0f10 (2 spans, service.name=shop)\n"
                + "  root INTERNAL 0.0 ms\n"
                + "    child INTERNAL 0.0 ms\n");

    printer.printQuietTraces();
    assertThat(output()).hasLineCount(3); // printed once only
  }

  @Test
  void printsOneLinePerMetricExportAndPerLogRecord() {
    ReceivedMetric metric =
        new ReceivedMetric("jvm.memory.used", "", "By", ReceivedMetric.Type.SUM,
            ReceivedMetric.Temporality.CUMULATIVE, false, List.of(),
            Map.of("service.name", "shop"), "jvm", "");
    ReceivedLogRecord record =
        new ReceivedLogRecord("started", 9, "INFO", "", null, null, Map.of(), 0, 1,
            Map.of("service.name", "shop"), "app", "");

    printer.onMetrics(List.of(metric, metric), REQUEST);
    printer.onLogRecords(List.of(record), REQUEST);

    assertThat(output())
        .isEqualTo(
            "metrics (shop, GRPC): 2 metrics: jvm.memory.used\n"
                + "log (shop) INFO app: started\n");
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static ReceivedSpan span(String name, String spanId, String parentSpanId) {
    return new ReceivedSpan("0102030405060708090a0b0c0d0e0f10", spanId, parentSpanId, "", name,
        ReceivedSpan.Kind.INTERNAL, 0, 0, ReceivedSpan.StatusCode.UNSET, "", Map.of(), List.of(),
        List.of(), Map.of("service.name", "shop"), "test", "");
  }
}
