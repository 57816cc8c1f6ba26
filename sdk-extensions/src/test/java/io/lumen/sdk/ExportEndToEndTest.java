package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lumen.testing.receiver.ExportRequest;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.Signal;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telemetry from a Lumen-configured SDK, as it arrives at a real OTLP receiver. */
class ExportEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void spansMetricsAndLogsArriveOverGrpcByDefault() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LumenOpenTelemetrySdk sdk =
            build(
                Map.of(
                    "otel.exporter.otlp.endpoint", receiver.grpcEndpoint(),
                    "otel.service.name", "checkout"))) {
      OpenTelemetry openTelemetry = sdk.getOpenTelemetrySdk();
      Span span = openTelemetry.getTracer("shop").spanBuilder("place-order").startSpan();
      span.setAttribute("order.items", 3);
      span.end();
      openTelemetry.getMeter("shop").counterBuilder("orders.placed").build().add(1);
      openTelemetry.getLogsBridge().get("shop").logRecordBuilder().setBody("order placed").emit();
      sdk.flush(TIMEOUT);

      ReceivedSpan received = receiver.awaitSpan("place-order", TIMEOUT);
      assertThat(received.attribute("order.items")).isEqualTo(3L);
      assertThat(received.serviceName()).isEqualTo("checkout");
      assertThat(received.resourceAttribute("telemetry.distro.name")).isEqualTo("lumen");
      assertThat(received.traceId()).isEqualTo(span.getSpanContext().getTraceId());
      assertThat(receiver.lastRequest(Signal.TRACES))
          .get()
          .extracting(ExportRequest::transport)
          .isEqualTo(ExportRequest.Transport.GRPC);

      assertThat(receiver.awaitMetric("orders.placed", TIMEOUT)).isNotNull();
      assertThat(receiver.lastRequest(Signal.METRICS).get().transport())
          .isEqualTo(ExportRequest.Transport.GRPC);

      ReceivedLogRecord log =
          receiver.awaitLogRecord(r -> "order placed".equals(r.bodyAsString()), TIMEOUT);
      assertThat(log.resourceAttribute("service.name")).isEqualTo("checkout");
      assertThat(receiver.lastRequest(Signal.LOGS).get().transport())
          .isEqualTo(ExportRequest.Transport.GRPC);
    }
  }

  @Test
  void operatorStyleEndpointOnPort4318ArrivesOverHttp() {
    OtlpReceiver onPort4318 = null;
    try {
      onPort4318 = OtlpReceiver.start(0, 4318);
    } catch (UncheckedIOException e) {
      // Another process holds the port.
    }
    assumeTrue(onPort4318 != null, "port 4318 is in use on this machine; the 4318 rule needs it");
    try (OtlpReceiver receiver = onPort4318;
        LumenOpenTelemetrySdk sdk =
            build(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:4318"))) {
      Span span = sdk.getOpenTelemetrySdk().getTracer("shop").spanBuilder("refund").startSpan();
      span.end();
      sdk.flush(TIMEOUT);

      receiver.awaitSpan("refund", TIMEOUT);
      assertThat(receiver.lastRequest(Signal.TRACES).get().transport())
          .isEqualTo(ExportRequest.Transport.HTTP_PROTOBUF);
    }
  }

  private static LumenOpenTelemetrySdk build(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    // Short intervals so that a test never waits for a scheduled export.
    all.put("otel.metric.export.interval", "100");
    all.put("otel.bsp.schedule.delay", "50");
    all.put("otel.blrp.schedule.delay", "50");
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> all)
        .build();
  }
}
