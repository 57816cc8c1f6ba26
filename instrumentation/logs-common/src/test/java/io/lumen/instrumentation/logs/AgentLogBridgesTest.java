package io.lumen.instrumentation.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLogBridgesTest {

  @Test
  void defaultsExportEverythingWithoutMdc() {
    LogBridgeSettings settings = AgentLogBridges.settings(config(Map.of()), "logback-appender");
    assertThat(settings.minimumSeverity()).isEqualTo(Severity.UNDEFINED_SEVERITY_NUMBER);
    assertThat(settings.captureContextData()).isFalse();
    assertThat(settings.correlationKeys().traceId()).isEqualTo("trace_id");
    assertThat(AgentLogBridges.isExportEnabled(config(Map.of()))).isTrue();
  }

  @Test
  void frameworkKeysWinOverTheCommonOnes() {
    ConfigProperties config =
        config(
            Map.of(
                "otel.instrumentation.logs.minimum-level", "warn",
                "otel.instrumentation.logs.capture-mdc-attributes", "true",
                "otel.instrumentation.log4j-appender.minimum-level", "error",
                "otel.instrumentation.common.logging.trace-id", "traceId"));

    LogBridgeSettings logback = AgentLogBridges.settings(config, "logback-appender");
    LogBridgeSettings log4j = AgentLogBridges.settings(config, "log4j-appender");

    assertThat(logback.minimumSeverity()).isEqualTo(Severity.WARN);
    assertThat(log4j.minimumSeverity()).isEqualTo(Severity.ERROR);
    assertThat(logback.captureContextData()).isTrue();
    assertThat(logback.correlationKeys().traceId()).isEqualTo("traceId");
    assertThat(logback.correlationKeys().spanId()).isEqualTo("span_id");
  }

  @Test
  void anUnknownLevelExportsEverything() {
    LogBridgeSettings settings =
        AgentLogBridges.settings(
            config(Map.of("otel.instrumentation.logs.minimum-level", "loud")), "jul");
    assertThat(settings.minimumSeverity()).isEqualTo(Severity.UNDEFINED_SEVERITY_NUMBER);
  }

  @Test
  void noneAsTheLogsExporterTurnsExportOff() {
    assertThat(AgentLogBridges.isExportEnabled(config(Map.of("otel.logs.exporter", "none"))))
        .isFalse();
    assertThat(AgentLogBridges.isExportEnabled(config(Map.of("otel.logs.exporter", "otlp"))))
        .isTrue();
    assertThat(
            AgentLogBridges.isExportEnabled(config(Map.of("otel.logs.exporter", "console,otlp"))))
        .isTrue();
  }

  private static ConfigProperties config(Map<String, String> properties) {
    return DefaultConfigProperties.createFromMap(properties);
  }
}
