package io.lumen.sdk.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.opentelemetry.api.internal.ConfigUtil;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented key given garbage: the key alone falls back to its default (or the usable part
 * of its value) with exactly one WARNING that names the key, its environment variable, the value
 * and what is used instead; nothing else changes.
 */
class ConfigurationRepairTest {

  @TempDir Path files;

  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger logger = Logger.getLogger("io.lumen.sdk.internal.config");
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

  @BeforeEach
  void captureWarnings() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopCapturing() {
    logger.removeHandler(handler);
  }

  @ParameterizedTest
  @MethodSource("io.lumen.sdk.internal.config.BadValues#rows")
  void badValueFallsBackAloneWithOneWarningNamingKeyValueAndDefault(BadValues.Row row) {
    Map<String, String> properties = new HashMap<>(row.others);
    properties.put(row.key, row.value);
    properties.put("otel.service.name", "still-applied");

    ConfigProperties repaired = ConfigurationRepair.repair(config(properties));

    assertThat(warnings).as("warnings").hasSize(1);
    String warning = warnings.get(0).getMessage();
    assertThat(warning)
        .containsAnyOf(row.key, ConfigUtil.normalizePropertyKey(row.key))
        .contains(environmentVariable(row.key))
        .contains(row.expected);
    if (row.key.endsWith(".headers")) {
      assertThat(warning)
          .contains("<" + row.value.length() + " characters, not shown>")
          .doesNotContain(row.value);
    } else {
      assertThat(warning).contains(ConfigurationRepair.quote(row.value, false));
    }
    if (row.repairedTo == null) {
      assertThat(warning).contains("Using the default: ");
      assertThat(repaired.getString(row.key)).isNull();
    } else {
      assertThat(repaired.getString(row.key)).isEqualTo(row.repairedTo);
    }
    // Nothing else changed.
    assertThat(repaired.getString("otel.service.name")).isEqualTo("still-applied");
    row.others.forEach((key, value) -> assertThat(repaired.getString(key)).isEqualTo(value));
    // And what is left parses the way autoconfigure reads it.
    assertThatCode(() -> readAsAutoconfigureDoes(repaired, row.key)).doesNotThrowAnyException();
  }

  @Test
  void validValuesAreLeftAloneAndLogNothing() {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.sdk.disabled", "false");
    properties.put("otel.traces.exporter", "otlp,console");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.exporter.otlp.protocol", "http/protobuf");
    properties.put("otel.exporter.otlp.endpoint", "https://collector.example:4318/base");
    properties.put("otel.exporter.otlp.traces.endpoint", "https://collector.example:4318/v1/t");
    properties.put("otel.exporter.otlp.headers", "authorization=Bearer%20abc,x-team=shop");
    properties.put("otel.exporter.otlp.compression", "gzip");
    properties.put("otel.exporter.otlp.timeout", "5s");
    properties.put("otel.bsp.max.queue.size", "4096");
    properties.put("otel.bsp.schedule.delay", "250");
    properties.put("otel.traces.sampler", "parentbased_traceidratio");
    properties.put("otel.traces.sampler.arg", "0.25");
    properties.put("otel.propagators", "tracecontext,baggage,b3multi,xray");
    properties.put("otel.resource.attributes", "team=checkout,region=eu");
    properties.put("otel.instrumentation.jdbc.enabled", "FALSE");
    properties.put("otel.lumen.shutdown.timeout", "3s");
    properties.put("otel.lumen.disk-buffering.max-size", "100MB");
    ConfigProperties config = config(properties);

    assertThat(ConfigurationRepair.repair(config)).isSameAs(config);
    assertThat(warnings).isEmpty();
  }

  @Test
  void freeFormKeysAcceptAnything() {
    Map<String, String> properties = new HashMap<>();
    for (String key : BadValues.FREE_FORM) {
      properties.put(key, "\u0000\u00ff garbage, with=signs;and%zz \uD800");
    }
    ConfigProperties config = config(properties);

    assertThat(ConfigurationRepair.repair(config)).isSameAs(config);
    assertThat(warnings).isEmpty();
  }

  @Test
  void blankValuesMeanUnsetAndAreNotWorthAWarning() {
    ConfigProperties repaired =
        ConfigurationRepair.repair(
            config(Map.of("otel.traces.sampler", " ", "otel.exporter.otlp.endpoint", "")));

    assertThat(repaired.getString("otel.traces.sampler")).isNull();
    assertThat(repaired.getString("otel.exporter.otlp.endpoint")).isNull();
    assertThat(warnings).isEmpty();
  }

  @Test
  void clientKeyWithoutCertificateIsDroppedWithOneWarning() throws IOException {
    Path key = files.resolve("client.key");
    Files.write(
        key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".getBytes());
    ConfigProperties repaired =
        ConfigurationRepair.repair(
            config(
                Map.of(
                    "otel.exporter.otlp.client.key", key.toString(),
                    "otel.service.name", "kept")));

    assertThat(repaired.getString("otel.exporter.otlp.client.key")).isNull();
    assertThat(repaired.getString("otel.service.name")).isEqualTo("kept");
    assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
        .contains("otel.exporter.otlp.client.key", "without a client certificate",
            "no client certificate");
  }

  @Test
  void severalBadKeysGiveOneWarningEachAndTheGoodOnesStay() {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.bsp.max.queue.size", "-1");
    properties.put("otel.traces.sampler", "sometimes");
    properties.put("otel.propagators", "nonsense");
    properties.put("otel.exporter.otlp.endpoint", "http://collector:4317");
    properties.put("otel.exporter.otlp.compression", "gzip");

    ConfigProperties repaired = ConfigurationRepair.repair(config(properties));

    assertThat(warnings).hasSize(3);
    assertThat(repaired.getString("otel.exporter.otlp.endpoint"))
        .isEqualTo("http://collector:4317");
    assertThat(repaired.getString("otel.exporter.otlp.compression")).isEqualTo("gzip");
  }

  @Test
  void warningsEscapeControlCharactersAndCutLongValues() {
    String value = "evil\n[lumen] ERROR forged line" + "x".repeat(10_000);
    ConfigurationRepair.repair(config(Map.of("otel.bsp.max.queue.size", value)));

    String warning = warnings.get(0).getMessage();
    assertThat(warning).doesNotContain("\n").contains("evil\\u000a[lumen]");
    assertThat(warning.length()).isLessThan(600);
    assertThat(warning).contains("(" + value.length() + " characters; first 120 shown)");
  }

  @Test
  void everyRuleIsExercisedByTheTable() {
    Set<String> tested =
        BadValues.rows()
            .map(row -> ConfigUtil.normalizePropertyKey(row.key))
            .collect(Collectors.toSet());
    tested.addAll(
        BadValues.FREE_FORM.stream().map(ConfigUtil::normalizePropertyKey).collect(Collectors.toSet()));
    for (PropertyRule rule : PropertyRules.all()) {
      assertThat(tested.stream().anyMatch(rule::matches))
          .as("a row of the table for %s", rule.documentedKey())
          .isTrue();
    }
  }

  @Test
  void everyKeyTheReadmesDocumentHasARule() throws IOException {
    Set<String> documented = new LinkedHashSet<>();
    for (Path readme : List.of(Path.of("README.md"), Path.of("../README.md"))) {
      documented.addAll(DocumentedKeys.in(Files.readString(readme)));
    }
    assertThat(documented).hasSizeGreaterThan(60);
    for (String key : documented) {
      String normalized = ConfigUtil.normalizePropertyKey(key.replace("<name>", "example"));
      assertThat(PropertyRules.all().stream().anyMatch(rule -> rule.matches(normalized)))
          .as("a rule for the documented key %s", key)
          .isTrue();
    }
  }

  private static ConfigProperties config(Map<String, String> properties) {
    return DefaultConfigProperties.createFromMap(properties);
  }

  private static String environmentVariable(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Every typed read autoconfigure might make of the key; none may throw after repair. */
  private static void readAsAutoconfigureDoes(ConfigProperties config, String key) {
    String value = config.getString(key);
    if (value == null) {
      return;
    }
    if (key.endsWith("headers") || key.endsWith("attributes") || key.endsWith(".arg")) {
      config.getMap(key);
    }
    config.getList(key);
  }
}
