package io.lumen.sdk.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.lumen.testing.receiver.OtlpReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP export over TLS with a private CA ({@code otel.exporter.otlp.certificate}) and with client
 * certificates ({@code otel.exporter.otlp.client.key} / {@code .client.certificate}), as
 * autoconfigure provides them, end to end through a TLS front to the test receiver.
 */
class OtlpTlsEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path certificateDir;
  private static TestCertificates certificates;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certificates = TestCertificates.create(certificateDir);
  }

  private static LumenOpenTelemetrySdk sdk(String endpoint, String protocol, Map<String, String> tls) {
    Map<String, String> properties = new HashMap<>(tls);
    properties.put("otel.exporter.otlp.endpoint", endpoint);
    properties.put("otel.exporter.otlp.protocol", protocol);
    properties.put("otel.exporter.otlp.timeout", "5000");
    properties.put("otel.java.exporter.otlp.retry.disabled", "true");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> properties)
        .build();
  }

  /** Ends a span and waits until its export finished, successfully or not. */
  private static void exportSpan(LumenOpenTelemetrySdk sdk, String name) {
    sdk.getOpenTelemetrySdk().getTracer("tls").spanBuilder(name).startSpan().end();
    sdk.flush(TIMEOUT);
  }

  /** The server side of a refused handshake may finish just after the client gave up. */
  private static void awaitFailedHandshake(TlsTerminatingProxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (proxy.failedHandshakes() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(proxy.failedHandshakes()).isPositive();
  }

  @Test
  void grpcOverTlsTrustingAPrivateCa() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        TlsTerminatingProxy tls = new TlsTerminatingProxy(certificates, false, "h2", receiver.grpcPort());
        LumenOpenTelemetrySdk sdk =
            sdk("https://localhost:" + tls.port(), "grpc",
                Map.of("otel.exporter.otlp.certificate", certificates.caPem.toString()))) {
      exportSpan(sdk, "over-tls");
      receiver.awaitSpan("over-tls", TIMEOUT);
      assertThat(tls.handshakes()).isPositive();
    }
  }

  @Test
  void httpProtobufOverTlsTrustingAPrivateCa() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        TlsTerminatingProxy tls =
            new TlsTerminatingProxy(certificates, false, "http/1.1", receiver.httpPort());
        LumenOpenTelemetrySdk sdk =
            sdk("https://127.0.0.1:" + tls.port(), "http/protobuf",
                Map.of("otel.exporter.otlp.certificate", certificates.caPem.toString()))) {
      exportSpan(sdk, "over-https");
      receiver.awaitSpan("over-https", TIMEOUT);
    }
  }

  @Test
  void withoutTheCaTheServerIsNotTrustedAndNothingIsSent() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        TlsTerminatingProxy tls = new TlsTerminatingProxy(certificates, false, "h2", receiver.grpcPort());
        LumenOpenTelemetrySdk sdk = sdk("https://localhost:" + tls.port(), "grpc", Map.of())) {
      exportSpan(sdk, "untrusted");
      awaitFailedHandshake(tls);
      assertThat(tls.handshakes()).isZero();
      assertThat(receiver.spans()).isEmpty();
    }
  }

  @Test
  void mutualTlsWithAClientCertificate() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        TlsTerminatingProxy mtls = new TlsTerminatingProxy(certificates, true, "h2", receiver.grpcPort());
        LumenOpenTelemetrySdk sdk =
            sdk("https://localhost:" + mtls.port(), "grpc",
                Map.of(
                    "otel.exporter.otlp.certificate", certificates.caPem.toString(),
                    "otel.exporter.otlp.client.key", certificates.clientKeyPem.toString(),
                    "otel.exporter.otlp.client.certificate", certificates.clientCertificatePem.toString()))) {
      exportSpan(sdk, "over-mtls");
      receiver.awaitSpan("over-mtls", TIMEOUT);
    }
  }

  @Test
  void mutualTlsRefusesAnExporterWithoutClientCertificate() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        TlsTerminatingProxy mtls = new TlsTerminatingProxy(certificates, true, "h2", receiver.grpcPort());
        LumenOpenTelemetrySdk sdk =
            sdk("https://localhost:" + mtls.port(), "grpc",
                Map.of("otel.exporter.otlp.certificate", certificates.caPem.toString()))) {
      exportSpan(sdk, "no-client-cert");
      awaitFailedHandshake(mtls);
      assertThat(mtls.handshakes()).isZero();
      assertThat(receiver.spans()).isEmpty();
    }
  }
}
