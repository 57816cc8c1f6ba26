package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  @Test
  void shutdownWithTimeoutReturnsEvenWhileTheCollectorHangs() throws Exception {
    // A "collector" that accepts connections and never answers: the final metric export hangs
    // for the whole exporter timeout (60 s here).
    try (ServerSocket collector = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      LumenOpenTelemetrySdk sdk =
          LumenOpenTelemetry.builder()
              .setShutdownHookEnabled(false)
              .addPropertiesSupplier(
                  () ->
                      Map.of(
                          "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getLocalPort(),
                          "otel.exporter.otlp.timeout", "60000",
                          "otel.traces.exporter", "none",
                          "otel.logs.exporter", "none"))
              .build();
      sdk.getOpenTelemetrySdk().getMeter("app").counterBuilder("jobs").build().add(1);

      // The SDK's own shutdown would block this thread for a minute.
      assertThat(sdk.shutdown(Duration.ofMillis(50))).isFalse();

      try (Socket hanging = collector.accept()) { // the export did start
        CompletableResultCode again = sdk.shutdown();
        assertThat(again.isDone()).isFalse(); // the same, still running shutdown
        assertThat(sdk.shutdown()).isSameAs(again);
      }
    }
  }

  @Test
  void closeAndTheExitHookWaitAtMostTheConfiguredTimeout() {
    try (LumenOpenTelemetrySdk configured =
            LumenOpenTelemetry.builder()
                .setShutdownHookEnabled(false)
                .addPropertiesSupplier(
                    () -> Map.of("otel.lumen.shutdown.timeout", "2500ms", "otel.sdk.disabled", "true"))
                .build();
        LumenOpenTelemetrySdk byDefault =
            LumenOpenTelemetry.builder()
                .setShutdownHookEnabled(false)
                .addPropertiesSupplier(() -> Map.of("otel.sdk.disabled", "true"))
                .build()) {
      assertThat(configured.shutdownTimeout()).isEqualTo(Duration.ofMillis(2500));
      assertThat(byDefault.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
  }
}
