package io.lumen.sdk.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.lumen.testing.receiver.OtlpReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A collector that is down costs one WARNING, not one per batch and signal, and a line when it is
 * back; export resumes by itself.
 */
class CollectorOutageLoggingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void oneWarningForTheWholeOutageThenExportResumes() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort(); // closed again: connections are refused, as to a dead collector
    }
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + port,
                        "otel.java.exporter.otlp.retry.disabled", "true",
                        "otel.metric.export.interval", "100",
                        "otel.bsp.schedule.delay", "10"))
                .build()) {
      for (int batch = 0; batch < 20; batch++) {
        sdk.getOpenTelemetrySdk().getTracer("t").spanBuilder("lost-" + batch).startSpan().end();
        sdk.getOpenTelemetrySdk().getLogsBridge().get("t").logRecordBuilder().setBody("x").emit();
        sdk.getOpenTelemetrySdk().getMeter("t").counterBuilder("c").build().add(1);
        sdk.flush(TIMEOUT); // each batch fails, for each signal
      }

      assertThat(warnings(records))
          .singleElement()
          .asString()
          .contains("http://127.0.0.1:" + port, "failed", "ConnectException",
              "Further failures are not logged");

      try (OtlpReceiver receiver = OtlpReceiver.start(port, 0)) {
        sdk.getOpenTelemetrySdk().getTracer("t").spanBuilder("after").startSpan().end();
        receiver.awaitSpan("after", TIMEOUT);
        // The receiver has the span a moment before the exporter hears back.
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (infos(records).stream().noneMatch(message -> message.contains("works again"))
            && System.nanoTime() < deadline) {
          sleep(20);
        }
        assertThat(infos(records)).anyMatch(message -> message.contains("works again"));
        // Still the one warning (closing the receiver below is a new, second outage).
        assertThat(warnings(records)).hasSize(1);
      }
    } finally {
      root.removeHandler(capture);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<String> warnings(List<LogRecord> records) {
    return records.stream()
        .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogRecord::getMessage)
        .collect(Collectors.toList());
  }

  private static List<String> infos(List<LogRecord> records) {
    return records.stream()
        .filter(record -> record.getLevel() == Level.INFO)
        .map(LogRecord::getMessage)
        .collect(Collectors.toList());
  }
}
