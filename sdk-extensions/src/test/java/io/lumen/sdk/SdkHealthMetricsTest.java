package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK reports on itself: exported, dropped and failed spans and log records, and queue sizes,
 * as {@code otel.sdk.*} metrics next to the application's.
 */
class SdkHealthMetricsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void droppedFailedAndExportedTelemetryIsReported() throws IOException {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Map<String, String> properties = new HashMap<>();
      properties.put("otel.exporter.otlp.endpoint", receiver.grpcEndpoint());
      // Spans go nowhere (a port nobody listens on), through a queue of 4.
      properties.put("otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + closedPort());
      properties.put("otel.java.exporter.otlp.retry.disabled", "true");
      properties.put("otel.bsp.max.queue.size", "4");
      properties.put("otel.bsp.max.export.batch.size", "4");
      properties.put("otel.metric.export.interval", "100");
      try (LumenOpenTelemetrySdk sdk =
          LumenOpenTelemetry.builder()
              .setShutdownHookEnabled(false)
              .addPropertiesSupplier(() -> properties)
              .build()) {
        for (int i = 0; i < 100; i++) {
          sdk.getOpenTelemetrySdk().getTracer("load").spanBuilder("job-" + i).startSpan().end();
        }
        sdk.getOpenTelemetrySdk().getLogsBridge().get("app").logRecordBuilder().setBody("hi").emit();
        sdk.flush(TIMEOUT);

        // Every span is either dropped at the full queue or fails to export; wait for the
        // export of the metrics that counts them all.
        ReceivedMetric processed =
            receiver.awaitMetric(
                m ->
                    m.name().equals("otel.sdk.processor.span.processed")
                        && m.points().stream().mapToLong(ReceivedDataPoint::longValue).sum() == 100,
                TIMEOUT);
        long queueFull = processed.pointWithAttribute("error.type", "queue_full").get().longValue();
        long failed =
            processed.points().stream()
                .filter(p -> p.attribute("error.type") != null)
                .filter(p -> !"queue_full".equals(p.attribute("error.type")))
                .mapToLong(ReceivedDataPoint::longValue)
                .sum();
        assertThat(queueFull + failed).isEqualTo(100);
        assertThat(queueFull).isPositive();
        assertThat(failed).isPositive();

        assertThat(receiver.awaitMetric("otel.sdk.processor.span.queue.size", TIMEOUT)).isNotNull();
        assertThat(receiver.awaitMetric("otel.sdk.processor.span.queue.capacity", TIMEOUT).points().get(0).longValue())
            .isEqualTo(4);
        ReceivedMetric logsExported =
            receiver.awaitMetric(
                m -> m.name().equals("otel.sdk.exporter.log.exported")
                    && m.points().stream().mapToLong(ReceivedDataPoint::longValue).sum() >= 1,
                TIMEOUT);
        assertThat(logsExported.points().get(0).attribute("otel.component.type"))
            .isEqualTo("otlp_grpc_log_exporter");
      }
    }
  }

  @Test
  void theUserCanKeepTheSdkDefault() {
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(
                () -> Map.of("otel.experimental.sdk.telemetry.version", "legacy", "otel.sdk.disabled", "true"))
            .build()) {
      assertThat(sdk.getConfig().getString("otel.experimental.sdk.telemetry.version")).isEqualTo("legacy");
    }
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> Map.of("otel.sdk.disabled", "true"))
            .build()) {
      assertThat(sdk.getConfig().getString("otel.experimental.sdk.telemetry.version")).isEqualTo("latest");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
