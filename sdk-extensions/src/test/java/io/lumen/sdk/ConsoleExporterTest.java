package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.{traces,metrics,logs}.exporter=console} prints telemetry locally, for debugging
 * without a collector (the opentelemetry-exporter-logging exporters; spans and logs are printed
 * as they end, not batched).
 */
class ConsoleExporterTest {

  private final List<String> printed = new ArrayList<>();
  private final Logger exporterLogger = Logger.getLogger("io.opentelemetry.exporter.logging");
  private final Handler capture =
      new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
          printed.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    exporterLogger.addHandler(capture);
  }

  @AfterEach
  void release() {
    exporterLogger.removeHandler(capture);
  }

  @Test
  void consolePrintsSpansAndMetricsToJulAndLogsToStandardOut() {
    // Spans and metrics go to java.util.logging at INFO; log records to System.out (the
    // exporter-logging library's SystemOutLogRecordExporter).
    ByteArrayOutputStream standardOut = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    System.setOut(new PrintStream(standardOut, true));
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.traces.exporter", "console",
                        "otel.metrics.exporter", "console",
                        "otel.logs.exporter", "console"))
            .build()) {
      sdk.getOpenTelemetrySdk().getTracer("debug").spanBuilder("checkout").startSpan().end();
      sdk.getOpenTelemetrySdk().getLogsBridge().get("debug").logRecordBuilder().setBody("order 42 placed").emit();
      sdk.getOpenTelemetrySdk().getMeter("debug").counterBuilder("orders").build().add(1);
      sdk.flush(Duration.ofSeconds(10));
    } finally {
      System.setOut(originalOut);
    }
    assertThat(standardOut.toString(StandardCharsets.UTF_8)).contains("order 42 placed");
    String all;
    synchronized (capture) {
      all = printed.stream().collect(Collectors.joining("\n"));
    }
    assertThat(all).contains("'checkout'", "name=orders");
  }
}
