package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Which OTLP exporter the SDK really builds for each signal: the protocol defaults seen through
 * autoconfigure, not just the properties we compute.
 */
class OtlpProtocolSelectionTest {

  private final AtomicReference<SpanExporter> spanExporter = new AtomicReference<>();
  private final AtomicReference<MetricExporter> metricExporter = new AtomicReference<>();
  private final AtomicReference<LogRecordExporter> logExporter = new AtomicReference<>();

  private LumenOpenTelemetrySdk build(Map<String, String> properties) {
    return LumenOpenTelemetry.builder()
        .setShutdownHookEnabled(false)
        .addPropertiesSupplier(() -> properties)
        .addCustomizer(
            customizer ->
                customizer
                    .addSpanExporterCustomizer(
                        (exporter, config) -> {
                          spanExporter.set(exporter);
                          return exporter;
                        })
                    .addMetricExporterCustomizer(
                        (exporter, config) -> {
                          metricExporter.set(exporter);
                          return exporter;
                        })
                    .addLogRecordExporterCustomizer(
                        (exporter, config) -> {
                          logExporter.set(exporter);
                          return exporter;
                        }))
        .build();
  }

  @Test
  void defaultIsGrpcToLocalhost4317() {
    try (LumenOpenTelemetrySdk sdk = build(Map.of())) {
      assertThat(spanExporter.get())
          .isInstanceOf(OtlpGrpcSpanExporter.class)
          .asString()
          .contains("endpoint=http://localhost:4317");
      assertThat(metricExporter.get()).isInstanceOf(OtlpGrpcMetricExporter.class);
      assertThat(logExporter.get()).isInstanceOf(OtlpGrpcLogRecordExporter.class);
      assertThat(sdk.getConfig().getString("otel.exporter.otlp.protocol")).isEqualTo("grpc");
    }
  }

  @Test
  void operatorEndpointOnPort4318ExportsHttpProtobuf() {
    try (LumenOpenTelemetrySdk sdk =
        build(Map.of("otel.exporter.otlp.endpoint", "http://otel-collector.observability:4318"))) {
      assertThat(spanExporter.get())
          .isInstanceOf(OtlpHttpSpanExporter.class)
          .asString()
          .contains("endpoint=http://otel-collector.observability:4318/v1/traces");
      assertThat(metricExporter.get()).isInstanceOf(OtlpHttpMetricExporter.class);
      assertThat(logExporter.get()).isInstanceOf(OtlpHttpLogRecordExporter.class);
    }
  }

  @Test
  void perSignalEndpointOn4318SwitchesOnlyThatSignal() {
    try (LumenOpenTelemetrySdk sdk =
        build(Map.of("otel.exporter.otlp.logs.endpoint", "http://log-gateway:4318/v1/logs"))) {
      assertThat(spanExporter.get()).isInstanceOf(OtlpGrpcSpanExporter.class);
      assertThat(metricExporter.get()).isInstanceOf(OtlpGrpcMetricExporter.class);
      assertThat(logExporter.get())
          .isInstanceOf(OtlpHttpLogRecordExporter.class)
          .asString()
          .contains("endpoint=http://log-gateway:4318/v1/logs");
    }
  }

  @Test
  void explicitProtocolWins() {
    try (LumenOpenTelemetrySdk sdk = build(Map.of("otel.exporter.otlp.protocol", "http/protobuf"))) {
      // Autoconfigure's http/protobuf default endpoint, since the user chose the protocol.
      assertThat(spanExporter.get())
          .isInstanceOf(OtlpHttpSpanExporter.class)
          .asString()
          .contains("endpoint=http://localhost:4318/v1/traces");
      assertThat(metricExporter.get()).isInstanceOf(OtlpHttpMetricExporter.class);
    }
    try (LumenOpenTelemetrySdk sdk =
        build(
            Map.of(
                "otel.exporter.otlp.traces.protocol", "grpc",
                "otel.exporter.otlp.traces.endpoint", "http://collector:4318"))) {
      assertThat(spanExporter.get()).isInstanceOf(OtlpGrpcSpanExporter.class);
      assertThat(metricExporter.get()).isInstanceOf(OtlpGrpcMetricExporter.class);
    }
  }

  @Test
  void propertiesCustomizerCountsAsUserChoice() {
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesCustomizer(config -> Map.of("otel.exporter.otlp.protocol", "http/protobuf"))
            .addCustomizer(
                c ->
                    c.addSpanExporterCustomizer(
                        (exporter, config) -> {
                          spanExporter.set(exporter);
                          return exporter;
                        }))
            .build()) {
      assertThat(spanExporter.get()).isInstanceOf(OtlpHttpSpanExporter.class);
      assertThat(sdk.getConfig().getString("otel.exporter.otlp.protocol"))
          .isEqualTo("http/protobuf");
    }
  }

  @Test
  void configIsWhatAutoconfigureUsedIncludingAgentKeys() {
    try (LumenOpenTelemetrySdk sdk =
        build(
            Map.of(
                "otel.javaagent.debug", "true",
                "otel.instrumentation.common.default-enabled", "false"))) {
      assertThat(sdk.getConfig().getBoolean("otel.javaagent.debug", false)).isTrue();
      assertThat(sdk.getConfig().getBoolean("otel.instrumentation.common.default-enabled", true))
          .isFalse();
      assertThat(sdk.getConfig().getString("otel.exporter.otlp.traces.protocol")).isEqualTo("grpc");
      assertThat(sdk.shutdown(Duration.ofSeconds(5))).isTrue();
      // A second shutdown (and so the JVM hook) is harmless and reports the first result.
      assertThat(sdk.shutdown().isSuccess()).isTrue();
    }
  }
}
