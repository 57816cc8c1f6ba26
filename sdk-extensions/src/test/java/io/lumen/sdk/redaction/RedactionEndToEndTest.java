package io.lumen.sdk.redaction;

import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedSpan;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a collector receives when an application records secrets. */
class RedactionEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static LumenOpenTelemetrySdk sdk(OtlpReceiver receiver, Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>(extra);
    properties.put("otel.exporter.otlp.endpoint", receiver.grpcEndpoint());
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.bsp.schedule.delay", "50");
    properties.put("otel.blrp.schedule.delay", "50");
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> properties)
        .build();
  }

  private static void recordSecrets(LumenOpenTelemetrySdk sdk) {
    Span span =
        sdk.getOpenTelemetrySdk()
            .getTracer("shop")
            .spanBuilder("POST /login")
            .setAttribute("db.password", "hunter2") // known at start
            .setAttribute("url.full", "https://alice:pw@auth.example.com/login?sig=abc123&next=/home")
            .startSpan();
    // Set after start, as response headers are.
    span.setAttribute(stringArrayKey("http.request.header.authorization"), List.of("Bearer eyJhbGciOi"));
    span.setAttribute("http.response.header.set-cookie", "session=42");
    span.setAttribute("http.request.method", "POST");
    span.end();

    sdk.getOpenTelemetrySdk()
        .getLogsBridge()
        .get("shop")
        .logRecordBuilder()
        .setBody("login attempt")
        .setAllAttributes(
            Attributes.of(stringKey("user.name"), "alice", stringKey("api_key"), "sk-live-123"))
        .emit();
    sdk.flush(TIMEOUT);
  }

  @Test
  void secretsNeverReachTheCollector() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LumenOpenTelemetrySdk sdk = sdk(receiver, Map.of())) {
      recordSecrets(sdk);

      ReceivedSpan span = receiver.awaitSpan("POST /login", TIMEOUT);
      assertThat(span.attribute("db.password")).isEqualTo("REDACTED");
      assertThat(span.attribute("url.full"))
          .isEqualTo("https://REDACTED:REDACTED@auth.example.com/login?sig=REDACTED&next=/home");
      assertThat(span.attribute("http.request.header.authorization")).isEqualTo(List.of("REDACTED"));
      assertThat(span.attribute("http.response.header.set-cookie")).isEqualTo("REDACTED");
      assertThat(span.attribute("http.request.method")).isEqualTo("POST");

      ReceivedLogRecord log =
          receiver.awaitLogRecord(r -> "login attempt".equals(r.bodyAsString()), TIMEOUT);
      assertThat(log.attribute("api_key")).isEqualTo("REDACTED");
      assertThat(log.attribute("user.name")).isEqualTo("alice");
    }
  }

  @Test
  void canBeTurnedOffAndExtended() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LumenOpenTelemetrySdk sdk = sdk(receiver, Map.of("otel.lumen.redaction.enabled", "false"))) {
      recordSecrets(sdk);
      assertThat(receiver.awaitSpan("POST /login", TIMEOUT).attribute("db.password"))
          .isEqualTo("hunter2");
    }
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LumenOpenTelemetrySdk sdk =
            sdk(receiver, Map.of("otel.lumen.redaction.additional-keys", "user.name"))) {
      recordSecrets(sdk);
      ReceivedLogRecord log =
          receiver.awaitLogRecord(r -> "login attempt".equals(r.bodyAsString()), TIMEOUT);
      assertThat(log.attribute("user.name")).isEqualTo("REDACTED");
      assertThat(log.attribute("api_key")).isEqualTo("REDACTED");
    }
  }
}
