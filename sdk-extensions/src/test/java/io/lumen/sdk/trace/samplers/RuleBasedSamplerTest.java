package io.lumen.sdk.trace.samplers;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Decision rates are measured over many seeded trace ids. A ratio r over n roots gives a binomial
 * count with standard deviation sqrt(n r (1 - r)); the tolerances below are about 5 of those.
 */
class RuleBasedSamplerTest {

  private static final Attributes HEALTH = Attributes.of(stringKey("url.path"), "/health/ready");
  private static final Attributes CHECKOUT = Attributes.of(stringKey("http.route"), "/checkout");
  private static final Attributes BROWSE = Attributes.of(stringKey("url.path"), "/products/42");

  private final SamplingHarness harness = new SamplingHarness();

  private final RuleBasedSampler sampler =
      RuleBasedSampler.parse("url.path~/health.*=drop; http.route=/checkout=1.0; *=0.1");

  @Test
  void firstMatchingRuleDecidesForNewTraces() {
    assertThat(harness.sampledRoots(sampler, 10_000, "GET", SpanKind.SERVER, HEALTH)).isZero();
    assertThat(harness.sampledRoots(sampler, 10_000, "POST", SpanKind.SERVER, CHECKOUT))
        .isEqualTo(10_000);
    // 10% of 20,000: expected 2000, sd 42.
    assertThat(harness.sampledRoots(sampler, 20_000, "GET", SpanKind.SERVER, BROWSE))
        .isBetween(1790, 2210);
  }

  @Test
  void ratiosAreConsistentProbabilitySamplingWithThresholdInTraceState() {
    SamplingResult result;
    do {
      result = harness.root(sampler, "GET", SpanKind.SERVER, BROWSE);
    } while (!SamplingHarness.isSampled(result));
    // 10%: rejection threshold 0.9 * 2^56, written as the shortest hex prefix "e666...".
    String ot = result.getUpdatedTraceState(TraceState.getDefault()).get("ot");
    assertThat(ot).startsWith("th:e666");
  }

  @Test
  void spansWithAParentFollowItWhateverTheRulesSay() {
    for (int i = 0; i < 1000; i++) {
      assertThat(SamplingHarness.isSampled(harness.child(sampler, true, "GET", SpanKind.SERVER, HEALTH)))
          .isTrue();
      assertThat(
              SamplingHarness.isSampled(harness.child(sampler, false, "POST", SpanKind.SERVER, CHECKOUT)))
          .isFalse();
    }
  }

  @Test
  void spansNoRuleMatchesAreKept() {
    RuleBasedSampler onlyHealth = RuleBasedSampler.parse("url.path~/health.*=drop");
    assertThat(harness.sampledRoots(onlyHealth, 1000, "GET", SpanKind.SERVER, BROWSE))
        .isEqualTo(1000);
    assertThat(harness.sampledRoots(onlyHealth, 1000, "GET", SpanKind.SERVER, HEALTH)).isZero();
  }

  @Test
  void conditionsOnKindNameTypedAttributesAndNegation() {
    RuleBasedSampler rules =
        RuleBasedSampler.parse(
            "span.kind=client & span.name~SELECT.*=drop;"
                + "http.response.status_code=500=keep;"
                + "tenant!=gold=0;"
                + "*=keep");
    Attributes gold = Attributes.of(stringKey("tenant"), "gold");
    assertThat(harness.sampledRoots(rules, 100, "SELECT users", SpanKind.CLIENT, gold)).isZero();
    assertThat(harness.sampledRoots(rules, 100, "SELECT users", SpanKind.SERVER, gold))
        .isEqualTo(100);
    assertThat(
            harness.sampledRoots(
                rules,
                100,
                "GET",
                SpanKind.SERVER,
                Attributes.of(longKey("http.response.status_code"), 500L)))
        .isEqualTo(100);
    // "!=" is also true when the attribute is absent.
    assertThat(harness.sampledRoots(rules, 100, "GET", SpanKind.SERVER, Attributes.empty()))
        .isZero();
  }

  @Test
  void rateActionLimitsNewTracesPerSecond() {
    AtomicLong clock = new AtomicLong();
    RuleBasedSampler rules = RuleBasedSampler.parse("span.name=search=2/s;*=keep", clock::get);
    int sampled = 0;
    for (int i = 0; i < 1000; i++) { // 10 s of 100 searches/s
      clock.addAndGet(10_000_000L);
      if (SamplingHarness.isSampled(harness.root(rules, "search", SpanKind.SERVER, Attributes.empty()))) {
        sampled++;
      }
    }
    assertThat(sampled).isBetween(20, 21);
    assertThat(harness.sampledRoots(rules, 100, "browse", SpanKind.SERVER, Attributes.empty()))
        .isEqualTo(100);
  }

  @Test
  void whitespaceAndTrailingSemicolonAreFine() {
    RuleBasedSampler rules = RuleBasedSampler.parse("  url.path ~ /health.* = drop ;  ");
    assertThat(harness.sampledRoots(rules, 100, "GET", SpanKind.SERVER, HEALTH)).isZero();
    assertThat(rules.getDescription()).isEqualTo("RuleBasedSampler{url.path ~ /health.* = drop ;}");
  }

  @Test
  void invalidRulesAreRejectedWithTheOffendingText() {
    assertThatThrownBy(() -> RuleBasedSampler.parse("url.path~/health.*"))
        .hasMessageContaining("'url.path~/health.*'")
        .hasMessageContaining("<conditions>=<action>");
    assertThatThrownBy(() -> RuleBasedSampler.parse("*=0.1;http.route=/checkout=often"))
        .hasMessageContaining("'http.route=/checkout=often'")
        .hasMessageContaining("'often'");
    assertThatThrownBy(() -> RuleBasedSampler.parse("*=1.5")).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> RuleBasedSampler.parse("url.path~[unclosed=drop"))
        .hasMessageContaining("bad regular expression '[unclosed'");
    assertThatThrownBy(() -> RuleBasedSampler.parse("span.kind=sideways=drop"))
        .hasMessageContaining("span.kind must be");
    assertThatThrownBy(() -> RuleBasedSampler.parse("=drop")).hasMessageContaining("use *");
    assertThatThrownBy(() -> RuleBasedSampler.parse("a=b=1;;*=1")).hasMessageContaining("empty rule");
    assertThatThrownBy(() -> RuleBasedSampler.parse("novalue=0.5&=1"))
        .hasMessageContaining("invalid sampling rule");
    assertThatThrownBy(() -> RuleBasedSampler.parse("*=0/s")).hasMessageContaining("positive");
    assertThatThrownBy(() -> RuleBasedSampler.parse("")).hasMessageContaining("no rules");
  }
}
