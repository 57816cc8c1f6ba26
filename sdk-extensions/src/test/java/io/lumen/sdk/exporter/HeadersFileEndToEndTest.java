package io.lumen.sdk.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.Signal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export headers from a mounted secret file ({@code otel.lumen.exporter.otlp.headers.file}) reach
 * the collector next to those from {@code otel.exporter.otlp.headers}, a rotated secret is used
 * from the next export on, and no header value ever shows in the log, even at the finest level.
 */
class HeadersFileEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path directory;

  @Test
  void headersFromFileAndEnvironmentArriveAndRotationIsPickedUp() throws IOException {
    Path secret = directory.resolve("otlp-headers");
    Files.writeString(secret, "# mounted from a Kubernetes secret\nx-api-key=first-Secret-1\n");
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    Handler capture = new StreamHandler(logged, new SimpleFormatter());
    capture.setLevel(Level.ALL);
    // Everything this process logs on the sending side; the test receiver's own gRPC server
    // (io.grpc, which the exporters do not use) prints what it received at FINE.
    capture.setFilter(record -> !String.valueOf(record.getLoggerName()).startsWith("io.grpc"));
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LumenOpenTelemetrySdk sdk =
            LumenOpenTelemetry.builder()
                .setShutdownHookEnabled(false)
                .addPropertiesSupplier(
                    () ->
                        Map.of(
                            "otel.exporter.otlp.endpoint", receiver.grpcEndpoint(),
                            "otel.exporter.otlp.headers", "authorization=Bearer%20env-Secret-2",
                            "otel.lumen.exporter.otlp.headers.file", secret.toString(),
                            "otel.metrics.exporter", "none",
                            "otel.logs.exporter", "none"))
                .build()) {
      span(sdk, "first");
      receiver.awaitSpan("first", TIMEOUT);
      Map<String, List<String>> headers = receiver.lastRequestHeaders(Signal.TRACES);
      assertThat(headers.get("x-api-key")).containsExactly("first-Secret-1");
      assertThat(headers.get("authorization")).containsExactly("Bearer env-Secret-2");

      // The secret is rotated: a new value, and a modification time that surely differs.
      Files.writeString(secret, "x-api-key=rotated-Secret-3\n");
      Files.setLastModifiedTime(secret, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      span(sdk, "second");
      receiver.awaitSpan("second", TIMEOUT);
      assertThat(receiver.lastRequestHeaders(Signal.TRACES).get("x-api-key"))
          .containsExactly("rotated-Secret-3");
    } finally {
      root.removeHandler(capture);
      root.setLevel(rootLevel);
      capture.flush();
    }
    String log = logged.toString(StandardCharsets.UTF_8);
    assertThat(log).isNotEmpty().doesNotContain("Secret-1", "Secret-2", "Secret-3");
  }

  @Test
  void aMissingFileIsReportedOnceByPathAndExportGoesOn() {
    Path missing = directory.resolve("not-mounted-yet");
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LumenOpenTelemetrySdk sdk =
            LumenOpenTelemetry.builder()
                .setShutdownHookEnabled(false)
                .addPropertiesSupplier(
                    () ->
                        Map.of(
                            "otel.exporter.otlp.endpoint", receiver.grpcEndpoint(),
                            "otel.lumen.exporter.otlp.headers.file", missing.toString(),
                            "otel.metrics.exporter", "none",
                            "otel.logs.exporter", "none"))
                .build()) {
      span(sdk, "without-file-headers");
      receiver.awaitSpan("without-file-headers", TIMEOUT);
      assertThat(sdk.getConfig().getString("otel.lumen.exporter.otlp.headers.file")).isNull();
    }
  }

  private static void span(LumenOpenTelemetrySdk sdk, String name) {
    sdk.getOpenTelemetrySdk().getTracer("test").spanBuilder(name).startSpan().end();
    assertThat(sdk.flush(TIMEOUT)).isTrue();
  }
}
