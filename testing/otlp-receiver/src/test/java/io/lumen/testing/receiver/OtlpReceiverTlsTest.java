package io.lumen.testing.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The receiver over mutual TLS, with certificates made at test time, against the real SDK
 * exporters configured the way {@code OTEL_EXPORTER_OTLP_CERTIFICATE}, {@code _CLIENT_KEY} and
 * {@code _CLIENT_CERTIFICATE} configure them.
 */
class OtlpReceiverTlsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  enum Transport {
    GRPC,
    HTTP_PROTOBUF
  }

  @TempDir static Path certificates;
  private static TestCertificateAuthority authority;
  private static TestCertificateAuthority.Issued client;
  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    authority = TestCertificateAuthority.create(certificates.resolve("ca"));
    TestCertificateAuthority.Issued server =
        authority.issueServerCertificate("receiver", "127.0.0.1");
    client = authority.issueClientCertificate("application");
    receiver =
        OtlpReceiver.builder()
            .setTls(server.certificate(), server.privateKey())
            .setClientCertificateAuthority(authority.certificate())
            .start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void clearReceived() {
    receiver.reset();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void exportersWithTheAuthorityAndAClientCertificateAreReceived(Transport transport)
      throws IOException {
    assertThat(receiver.grpcEndpoint()).startsWith("https://");
    assertThat(receiver.httpEndpoint()).startsWith("https://");

    CompletableResultCode result =
        export(exporter(transport, true, true), "checkout " + transport);

    assertThat(result.isSuccess()).isTrue();
    assertThat(receiver.awaitSpan("checkout " + transport, TIMEOUT).resourceAttributes())
        .containsEntry("service.name", "tls-test");
    assertThat(receiver.lastRequest(Signal.TRACES).orElseThrow().transport().name())
        .isEqualTo(transport.name());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void exportersWithoutAClientCertificateAreRefused(Transport transport) throws IOException {
    CompletableResultCode result = export(exporter(transport, true, false), "anonymous");

    assertThat(result.isSuccess()).isFalse();
    assertThat(receiver.spans()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void exportersThatDoNotTrustTheAuthorityAreRefused(Transport transport) throws IOException {
    CompletableResultCode result = export(exporter(transport, false, true), "untrusting");

    assertThat(result.isSuccess()).isFalse();
    assertThat(receiver.spans()).isEmpty();
  }

  /** Exports one span straight through {@code exporter} and returns the export's result. */
  private static CompletableResultCode export(SpanExporter exporter, String spanName) {
    List<SpanData> ended = new ArrayList<>();
    try (SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.builder().put("service.name", "tls-test").build()))
            .addSpanProcessor(new EndedSpans(ended))
            .build()) {
      tracerProvider.get("tls-test").spanBuilder(spanName).setSpanKind(SpanKind.CLIENT)
          .startSpan().end();
    }
    try {
      return exporter.export(ended).join(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      exporter.shutdown();
    }
  }

  private record EndedSpans(List<SpanData> ended) implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  private static SpanExporter exporter(Transport transport, boolean trustAuthority,
      boolean presentClientCertificate) throws IOException {
    byte[] trusted = trustAuthority ? Files.readAllBytes(authority.certificate()) : null;
    byte[] key = Files.readAllBytes(client.privateKey());
    byte[] certificate = Files.readAllBytes(client.certificate());
    if (transport == Transport.GRPC) {
      var builder =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(receiver.grpcEndpoint())
              .setTimeout(TIMEOUT)
              .setRetryPolicy(null); // a refused handshake is the answer, not a reason to retry
      if (trusted != null) {
        builder.setTrustedCertificates(trusted);
      }
      if (presentClientCertificate) {
        builder.setClientTls(key, certificate);
      }
      return builder.build();
    }
    var builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(receiver.httpEndpoint() + Signal.TRACES.httpPath())
            .setTimeout(TIMEOUT)
            .setRetryPolicy(null);
    if (trusted != null) {
      builder.setTrustedCertificates(trusted);
    }
    if (presentClientCertificate) {
      builder.setClientTls(key, certificate);
    }
    return builder.build();
  }
}
