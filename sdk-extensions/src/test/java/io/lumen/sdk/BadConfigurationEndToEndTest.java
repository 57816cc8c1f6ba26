package io.lumen.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.lumen.sdk.internal.config.BadValues;
import io.lumen.testing.receiver.OtlpReceiver;
import io.opentelemetry.api.internal.ConfigUtil;
import io.lumen.testing.receiver.ReceivedSpan;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole table of bad values through the whole SDK: for every row the SDK is built, the bad key
 * gives one warning, the good keys next to it still apply, and a span reaches a real OTLP receiver.
 */
class BadConfigurationEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final AtomicInteger rowNumber = new AtomicInteger();

  private static OtlpReceiver receiver;
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger lumenLogger = Logger.getLogger("io.lumen.sdk");
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void captureWarnings() {
    lumenLogger.addHandler(handler);
  }

  @AfterEach
  void stopCapturing() {
    lumenLogger.removeHandler(handler);
  }

  @ParameterizedTest
  @MethodSource("io.lumen.sdk.internal.config.BadValues#rows")
  void sdkStartsWarnsOnceAndStillExports(BadValues.Row row) {
    assumeFalse(
        row.others.containsKey("otel.exporter.otlp.endpoint"),
        "the row points the exporter elsewhere");
    assumeFalse(
        "jaeger_remote".equals(row.others.get("otel.traces.sampler")),
        "jaeger_remote samples 0.1% until it reaches its (absent) sampling server");
    String spanName = "row-" + rowNumber.incrementAndGet();
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.service.name", "sentinel");
    properties.put("otel.resource.attributes", "team=reliability");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.bsp.schedule.delay", "20");
    if (row.key.equals("otel.exporter.otlp.endpoint")) {
      properties.put("otel.exporter.otlp.traces.endpoint", receiver.grpcEndpoint());
    } else {
      properties.put("otel.exporter.otlp.endpoint", receiver.grpcEndpoint());
    }
    properties.putAll(row.others);
    properties.put(row.key, row.value);

    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> properties)
            .build()) {
      sdk.getOpenTelemetrySdk().getTracer("table").spanBuilder(spanName).startSpan().end();
      sdk.flush(TIMEOUT);

      ReceivedSpan span = receiver.awaitSpan(spanName, TIMEOUT);
      assertThat(span.serviceName()).isEqualTo("sentinel");
      if (!row.key.equals("otel.resource.attributes")) {
        assertThat(span.resourceAttribute("team")).isEqualTo("reliability");
      }
    }
    assertThat(warnings)
        .as("warnings from Lumen")
        .filteredOn(
            record ->
                record.getMessage().contains(row.key)
                    || record.getMessage().contains(ConfigUtil.normalizePropertyKey(row.key)))
        .hasSize(1);
  }

  @Test
  void aDeclarativeConfigFileLumenCannotReadIsIgnoredWithOneWarning() {
    // Autoconfigure reads otel.config.file from system properties and the environment only, and
    // before any hook: without the declarative-config module it would refuse to build at all.
    System.setProperty("otel.config.file", "/etc/otel/sdk-config.yaml");
    Map<String, String> properties =
        Map.of(
            "otel.exporter.otlp.endpoint", receiver.grpcEndpoint(),
            "otel.service.name", "with-config-file",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> properties)
            .build()) {
      sdk.getOpenTelemetrySdk().getTracer("t").spanBuilder("despite-config-file").startSpan().end();
      sdk.flush(TIMEOUT);
      assertThat(receiver.awaitSpan("despite-config-file", TIMEOUT).serviceName())
          .isEqualTo("with-config-file");
    } finally {
      System.clearProperty("otel.config.file");
    }
    assertThat(warnings)
        .singleElement()
        .extracting(LogRecord::getMessage)
        .asString()
        .contains("otel.config.file", "/etc/otel/sdk-config.yaml", "declarative");
  }

  @Test
  void theSdkAloneRejectsWhatLumenRepairs() {
    // The premise: plain autoconfigure throws on these, so without Lumen nothing is exported.
    for (String[] keyValue :
        new String[][] {
          {"otel.bsp.max.queue.size", "-5"},
          {"otel.traces.sampler", "random"},
          {"otel.propagators", "tracecontext,bogus"},
          {"otel.exporter.otlp.endpoint", "not a url"},
          {"otel.exporter.otlp.headers", "authorization"},
          {"otel.exporter.otlp.certificate", "/no/such/ca.pem"},
        }) {
      Map<String, String> properties = Map.of(keyValue[0], keyValue[1]);
      assertThatCode(
              () ->
                  AutoConfiguredOpenTelemetrySdk.builder()
                      .addPropertiesSupplier(() -> properties)
                      .disableShutdownHook()
                      .build()
                      .getOpenTelemetrySdk()
                      .close())
          .as(keyValue[0])
          .isInstanceOf(ConfigurationException.class);
    }
  }

  @Test
  void aKeyTheSdkRejectsThatNoRuleForesawIsDroppedAndTheSdkBuiltAgain() {
    // An extension's key the SDK reads through an SPI customizer is beyond Lumen's rules.
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.exporter.otlp.endpoint", receiver.grpcEndpoint());
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.example.extension.size", "huge");
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> properties)
            .addCustomizer(
                autoConfigure ->
                    autoConfigure.addSpanExporterCustomizer(
                        (exporter, config) -> {
                          config.getInt("otel.example.extension.size");
                          return exporter;
                        }))
            .build()) {
      sdk.getOpenTelemetrySdk().getTracer("table").spanBuilder("unforeseen").startSpan().end();
      sdk.flush(TIMEOUT);
      receiver.awaitSpan("unforeseen", TIMEOUT);
      assertThat(sdk.getConfig().getString("otel.example.extension.size")).isNull();
    }
    assertThat(warnings)
        .singleElement()
        .extracting(LogRecord::getMessage)
        .asString()
        .contains("otel.example.extension.size", "'huge'", "rejected", "default");
  }
}
