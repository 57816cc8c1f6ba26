package io.lumen.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpProtocolDefaultsTest {

  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(OtlpProtocolDefaults.class.getName());
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    logger.addHandler(handler);
  }

  @AfterEach
  void releaseLog() {
    logger.removeHandler(handler);
  }

  private static Map<String, String> resolve(Map<String, String> userConfig) {
    return OtlpProtocolDefaults.resolve(DefaultConfigProperties.createFromMap(userConfig));
  }

  @Test
  void nothingConfiguredMeansGrpcForEverySignal() {
    assertThat(resolve(Map.of()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "otel.exporter.otlp.protocol", "grpc",
                "otel.exporter.otlp.traces.protocol", "grpc",
                "otel.exporter.otlp.metrics.protocol", "grpc",
                "otel.exporter.otlp.logs.protocol", "grpc"));
    assertThat(logged).isEmpty();
  }

  @Test
  void operatorStyleEndpointOnPort4318SelectsHttpProtobufAndSaysSoOnce() {
    assertThat(resolve(Map.of("otel.exporter.otlp.endpoint", "http://collector.obs:4318")))
        .containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
        .containsEntry("otel.exporter.otlp.traces.protocol", "http/protobuf")
        .containsEntry("otel.exporter.otlp.metrics.protocol", "http/protobuf")
        .containsEntry("otel.exporter.otlp.logs.protocol", "http/protobuf");
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(logged.get(0).getMessage())
        .contains("http://collector.obs:4318", "traces, metrics, logs", "http/protobuf");
  }

  @Test
  void port4317OrNoPortStaysGrpc() {
    assertThat(resolve(Map.of("otel.exporter.otlp.endpoint", "http://collector:4317")))
        .containsEntry("otel.exporter.otlp.traces.protocol", "grpc");
    assertThat(resolve(Map.of("otel.exporter.otlp.endpoint", "https://collector.example.com")))
        .containsEntry("otel.exporter.otlp.traces.protocol", "grpc");
    assertThat(logged).isEmpty();
  }

  @Test
  void perSignalEndpointDecidesForItsSignalOnly() {
    Map<String, String> defaults =
        resolve(
            Map.of(
                "otel.exporter.otlp.endpoint", "http://collector:4317",
                "otel.exporter.otlp.metrics.endpoint", "http://metrics-gateway:4318/v1/metrics"));
    assertThat(defaults)
        .containsEntry("otel.exporter.otlp.protocol", "grpc")
        .containsEntry("otel.exporter.otlp.traces.protocol", "grpc")
        .containsEntry("otel.exporter.otlp.metrics.protocol", "http/protobuf")
        .containsEntry("otel.exporter.otlp.logs.protocol", "grpc");
    assertThat(logged).singleElement().satisfies(r -> assertThat(r.getMessage()).contains("metrics"));
  }

  @Test
  void explicitGeneralProtocolWinsEvenAgainstThePort() {
    assertThat(
            resolve(
                Map.of(
                    "otel.exporter.otlp.protocol", "grpc",
                    "otel.exporter.otlp.endpoint", "http://collector:4318")))
        .isEmpty();
  }

  @Test
  void explicitPerSignalProtocolIsLeftAloneAndOtherSignalsAreStillDecided() {
    Map<String, String> defaults =
        resolve(
            Map.of(
                "otel.exporter.otlp.traces.protocol", "grpc",
                "otel.exporter.otlp.endpoint", "http://collector:4318"));
    assertThat(defaults)
        .doesNotContainKey("otel.exporter.otlp.traces.protocol")
        .containsEntry("otel.exporter.otlp.metrics.protocol", "http/protobuf")
        .containsEntry("otel.exporter.otlp.logs.protocol", "http/protobuf");
  }

  @Test
  void unparsableEndpointIsLeftForTheExporterToReject() {
    assertThat(OtlpProtocolDefaults.protocolFor("http://bad host:4318")).isEqualTo("grpc");
    assertThat(OtlpProtocolDefaults.protocolFor(null)).isEqualTo("grpc");
    assertThat(OtlpProtocolDefaults.protocolFor(" http://c:4318/ ")).isEqualTo("http/protobuf");
  }
}
