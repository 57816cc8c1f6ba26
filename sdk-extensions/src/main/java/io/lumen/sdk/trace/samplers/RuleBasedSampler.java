package io.lumen.sdk.trace.samplers;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.ComposableRuleBasedSamplerBuilder;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.ComposableSampler;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.CompositeSampler;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.SamplingPredicate;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.PatternSyntaxException;

/**
 * Samples new traces by ordered rules on the root span's name, kind and attributes, written as one
 * line of text, so that operators can drop health checks and keep every checkout without code:
 *
 * <pre>
 * otel.traces.sampler=rule_based
 * otel.traces.sampler.rules=url.path~/health.*=drop;http.route=/checkout=1.0;*=0.1
 * </pre>
 *
 * <h2>Syntax</h2>
 *
 * <pre>
 * rules      = rule *( ";" rule )
 * rule       = match "=" action             ; the action follows the LAST "=" of the rule
 * match      = "*" / condition *( "&amp;" condition )
 * condition  = key "=" value                ; equal
 *            / key "!=" value               ; not equal (also true when the attribute is absent)
 *            / key "~" regex                ; java.util.regex, must match the whole value
 *            / key "!~" regex               ; does not match (also true when absent)
 * key        = attribute key / "span.name" / "span.kind"
 * action     = ratio                        ; 0 to 1, e.g. 0.25
 *            / "drop" / "keep"              ; same as 0 and 1
 *            / number "/s"                  ; at most that many traces per second, e.g. 10/s
 * </pre>
 *
 * <p>Whitespace around rules, conditions and actions is ignored. Values are compared as text, so
 * {@code http.response.status_code=200} matches the long attribute 200; {@code span.kind} is one
 * of {@code server}, {@code client}, {@code internal}, {@code producer}, {@code consumer}, in any
 * case. Values cannot contain {@code ;} or {@code &}, and keys cannot contain {@code =}, {@code !}
 * or {@code ~}.
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>Rules apply to spans that start a trace in this process (no valid parent). The first rule
 *       whose conditions all match decides; a span no rule matches is sampled.
 *   <li>A span with a valid parent follows its parent's decision, whatever the rules say (the
 *       behaviour of {@code parentbased_*}), so traces are never cut in the middle.
 *   <li>Ratios are consistent probability sampling (OpenTelemetry {@code tracestate: ot=th:...}):
 *       downstream services and backends can compute adjusted counts.
 *   <li>The sampler only sees attributes given when the span starts. Instrumentations set {@code
 *       url.path} and {@code http.request.method} at start; {@code http.route} is often known only
 *       later, so prefer {@code url.path} for server spans.
 * </ul>
 */
public final class RuleBasedSampler implements Sampler {

  private final Sampler delegate;
  private final String rules;

  private RuleBasedSampler(Sampler delegate, String rules) {
    this.delegate = delegate;
    this.rules = rules;
  }

  /**
   * Parses {@code rules} (see the class documentation).
   *
   * @throws IllegalArgumentException with a message that quotes the offending rule, if the text
   *     is not valid
   */
  public static RuleBasedSampler parse(String rules) {
    return parse(rules, System::nanoTime);
  }

  // Visible for testing: rate-limited rules with a clock the test advances.
  static RuleBasedSampler parse(String rules, LongSupplier nanoClock) {
    if (rules.trim().isEmpty()) {
      throw new IllegalArgumentException("no rules");
    }
    ComposableRuleBasedSamplerBuilder builder = ComposableSampler.ruleBasedBuilder();
    String[] ruleTexts = rules.split(";", -1);
    int parsed = 0;
    for (int i = 0; i < ruleTexts.length; i++) {
      String rule = ruleTexts[i].trim();
      if (rule.isEmpty()) {
        if (i == ruleTexts.length - 1 && i > 0) {
          continue; // a trailing ";" is harmless
        }
        throw new IllegalArgumentException("empty rule in '" + rules + "'");
      }
      int actionStart = rule.lastIndexOf('=');
      if (actionStart < 0) {
        throw invalid(rule, "expected <conditions>=<action>");
      }
      ComposableSampler action =
          parseAction(rule, rule.substring(actionStart + 1).trim(), nanoClock);
      SamplingPredicate match = parseMatch(rule, rule.substring(0, actionStart).trim());
      builder.add(match, action);
      parsed++;
    }
    // Spans no rule matches are kept, as with the default sampler.
    builder.add(MatchAll.INSTANCE, ComposableSampler.alwaysOn());
    Sampler sampler = CompositeSampler.wrap(ComposableSampler.parentThreshold(builder.build()));
    return new RuleBasedSampler(sampler, rules.trim());
  }

  private static ComposableSampler parseAction(String rule, String action, LongSupplier clock) {
    if (action.equalsIgnoreCase("drop")) {
      return ComposableSampler.alwaysOff();
    }
    if (action.equalsIgnoreCase("keep")) {
      return ComposableSampler.alwaysOn();
    }
    if (action.endsWith("/s")) {
      double perSecond = parseNumber(rule, action, action.substring(0, action.length() - 2));
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw invalid(rule, "the rate must be a positive number per second, was " + action);
      }
      return new RateLimitingComposableSampler(new RateLimiter(perSecond, clock));
    }
    double ratio = parseNumber(rule, action, action);
    if (!(ratio >= 0 && ratio <= 1)) {
      throw invalid(rule, "the ratio must be between 0 and 1, was " + action);
    }
    return ratio == 0 ? ComposableSampler.alwaysOff() : ComposableSampler.probability(ratio);
  }

  private static double parseNumber(String rule, String action, String number) {
    try {
      return Double.parseDouble(number.trim());
    } catch (NumberFormatException e) {
      throw invalid(
          rule, "the action must be a ratio from 0 to 1, drop, keep or N/s, was '" + action + "'");
    }
  }

  private static SamplingPredicate parseMatch(String rule, String match) {
    if (match.equals("*")) {
      return MatchAll.INSTANCE;
    }
    if (match.isEmpty()) {
      throw invalid(rule, "no condition before the action (use * to match every span)");
    }
    List<SpanCondition> conditions = new ArrayList<>();
    for (String conditionText : match.split("&", -1)) {
      conditions.add(parseCondition(rule, conditionText.trim()));
    }
    return conditions.size() == 1 ? conditions.get(0) : new AllOf(conditions);
  }

  private static SpanCondition parseCondition(String rule, String condition) {
    int operatorStart = -1;
    for (int i = 0; i < condition.length(); i++) {
      char c = condition.charAt(i);
      if (c == '=' || c == '~' || c == '!') {
        operatorStart = i;
        break;
      }
    }
    if (operatorStart <= 0) {
      throw invalid(
          rule,
          condition.isEmpty()
              ? "empty condition"
              : "condition '" + condition + "' needs key=value, key!=value, key~regex or key!~regex");
    }
    String key = condition.substring(0, operatorStart).trim();
    String rest = condition.substring(operatorStart);
    SpanCondition.Operator operator = null;
    for (SpanCondition.Operator candidate : SpanCondition.Operator.values()) {
      if (rest.startsWith(candidate.symbol)
          && (operator == null || candidate.symbol.length() > operator.symbol.length())) {
        operator = candidate;
      }
    }
    if (operator == null) {
      throw invalid(rule, "unknown operator in condition '" + condition + "'");
    }
    String value = rest.substring(operator.symbol.length()).trim();
    if (key.equals(SpanCondition.SPAN_KIND) && !isSpanKind(value)) {
      throw invalid(
          rule, "span.kind must be server, client, internal, producer or consumer, was " + value);
    }
    try {
      return new SpanCondition(key, operator, value);
    } catch (PatternSyntaxException e) {
      throw invalid(rule, "bad regular expression '" + value + "': " + e.getDescription());
    }
  }

  private static boolean isSpanKind(String value) {
    for (SpanKind kind : SpanKind.values()) {
      if (kind.name().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  private static IllegalArgumentException invalid(String rule, String reason) {
    return new IllegalArgumentException("invalid sampling rule '" + rule + "': " + reason);
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return "RuleBasedSampler{" + rules + "}";
  }

  @Override
  public String toString() {
    return getDescription();
  }

  private enum MatchAll implements SamplingPredicate {
    INSTANCE;

    @Override
    public boolean matches(
        Context parentContext,
        String name,
        SpanKind spanKind,
        Attributes attributes,
        List<LinkData> parentLinks) {
      return true;
    }

    @Override
    public String toString() {
      return "*";
    }
  }

  private static final class AllOf implements SamplingPredicate {
    private final SpanCondition[] conditions;

    AllOf(List<SpanCondition> conditions) {
      this.conditions = conditions.toArray(new SpanCondition[0]);
    }

    @Override
    public boolean matches(
        Context parentContext,
        String name,
        SpanKind spanKind,
        Attributes attributes,
        List<LinkData> parentLinks) {
      for (SpanCondition condition : conditions) {
        if (!condition.matches(parentContext, name, spanKind, attributes, parentLinks)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      StringBuilder result = new StringBuilder();
      for (SpanCondition condition : conditions) {
        if (result.length() > 0) {
          result.append('&');
        }
        result.append(condition);
      }
      return result.toString();
    }
  }
}
