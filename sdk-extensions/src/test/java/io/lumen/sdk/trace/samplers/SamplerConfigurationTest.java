package io.lumen.sdk.trace.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OTEL_TRACES_SAMPLER / _ARG as a user writes them, through the whole autoconfiguration. */
class SamplerConfigurationTest {

  private final SamplingHarness harness = new SamplingHarness();

  private static Sampler configuredSampler(Map<String, String> properties) {
    AtomicReference<Sampler> sampler = new AtomicReference<>();
    Map<String, String> all = new HashMap<>(properties);
    all.put("otel.traces.exporter", "none");
    all.put("otel.metrics.exporter", "none");
    all.put("otel.logs.exporter", "none");
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> all)
            .addCustomizer(
                c ->
                    c.addSamplerCustomizer(
                        (configured, config) -> {
                          sampler.set(configured);
                          return configured;
                        }))
            .build()) {
      return sampler.get();
    }
  }

  private static Sampler configuredSampler(String name, String arg) {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.traces.sampler", name);
    if (arg != null) {
      properties.put("otel.traces.sampler.arg", arg);
    }
    return configuredSampler(properties);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "always_on                 |                    | AlwaysOnSampler",
        "always_off                |                    | AlwaysOffSampler",
        "traceidratio              | 0.25               | TraceIdRatioBased{0.250000}",
        "parentbased_always_on     |                    | ParentBased{root:AlwaysOnSampler",
        "parentbased_always_off    |                    | ParentBased{root:AlwaysOffSampler",
        "parentbased_traceidratio  | 0.25               | ParentBased{root:TraceIdRatioBased{0.250000}",
        "rate_limiting             | 50                 | ParentBased{root:RateLimitingSampler{50.0/s}",
        "consistent_probability    | 0.25               | ComposableParentThresholdSampler{rootSampler=ComposableTraceIdRatioBasedSampler{threshold=c, ratio=0.25}",
        "jaeger_remote             | endpoint=http://127.0.0.1:1,pollingIntervalMs=600000,initialSamplingRate=0.5 | JaegerRemoteSampler{",
        "parentbased_jaeger_remote | endpoint=http://127.0.0.1:1,pollingIntervalMs=600000 | ParentBased{root:JaegerRemoteSampler{",
        "xray                      | endpoint=http://127.0.0.1:1 | XrayHttpAttributesSampler{AwsXrayRemoteSampler{ParentBased{root:OrElse{",
        "xray                      |                    | XrayHttpAttributesSampler{AwsXrayRemoteSampler{ParentBased{root:OrElse{",
      })
  void everySpecAndLumenSamplerNameResolves(String name, String arg, String description) {
    assertThat(configuredSampler(name, arg).getDescription()).startsWith(description);
  }

  @Test
  void defaultIsParentBasedAlwaysOn() {
    assertThat(configuredSampler(Map.of()).getDescription())
        .startsWith("ParentBased{root:AlwaysOnSampler");
  }

  @Test
  void traceIdRatioSamplesItsRatio() {
    Sampler sampler = configuredSampler("traceidratio", "0.25");
    // 25% of 100,000: expected 25,000, sd 137; tolerance 5 sd.
    assertThat(harness.sampledRoots(sampler, 100_000, "x", SpanKind.INTERNAL, Attributes.empty()))
        .isBetween(24_315, 25_685);
  }

  @Test
  void consistentProbabilitySamplesItsRatioAndRecordsTheThreshold() {
    Sampler sampler = configuredSampler("consistent_probability", "0.25");
    assertThat(harness.sampledRoots(sampler, 100_000, "x", SpanKind.INTERNAL, Attributes.empty()))
        .isBetween(24_315, 25_685);
    SamplingResult result;
    do {
      result = harness.root(sampler, "x", SpanKind.INTERNAL, Attributes.empty());
    } while (!SamplingHarness.isSampled(result));
    assertThat(result.getUpdatedTraceState(TraceState.getDefault()).get("ot")).isEqualTo("th:c");
  }

  @Test
  void ruleBasedFromOneProperty() {
    Sampler sampler =
        configuredSampler(
            Map.of(
                "otel.traces.sampler", "rule_based",
                "otel.traces.sampler.rules", "url.path~/health.*=drop;*=0.5"));
    assertThat(sampler.getDescription()).isEqualTo("RuleBasedSampler{url.path~/health.*=drop;*=0.5}");
    // 50% of 20,000: expected 10,000, sd 71.
    assertThat(harness.sampledRoots(sampler, 20_000, "GET", SpanKind.SERVER, Attributes.empty()))
        .isBetween(9_645, 10_355);
  }

  @Test
  void badRulesGiveOneWarningNamingTheKeyAndTheTextThenTheDefaultSampler() {
    List<LogRecord> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger("io.lumen.sdk.trace.samplers");
    Handler handler =
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
    logger.addHandler(handler);
    try {
      Sampler sampler =
          configuredSampler(
              Map.of(
                  "otel.traces.sampler", "rule_based",
                  "otel.traces.sampler.rules", "url.path~/health.*=drop;http.route=/checkout=always"));
      assertThat(sampler.getDescription()).startsWith("ParentBased{root:AlwaysOnSampler");
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage())
          .contains("otel.traces.sampler.rules", "'http.route=/checkout=always'", "parentbased_always_on");
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void badRateLimitingArgFallsBackToTheArgumentsDefault() {
    // The argument alone falls back (to 10 per second); the sampler stays the one asked for.
    assertThat(configuredSampler("rate_limiting", "lots").getDescription())
        .startsWith("ParentBased{root:RateLimitingSampler{10.0/s}");
    assertThat(configuredSampler("rate_limiting", null).getDescription())
        .startsWith("ParentBased{root:RateLimitingSampler{10.0/s}");
  }
}
