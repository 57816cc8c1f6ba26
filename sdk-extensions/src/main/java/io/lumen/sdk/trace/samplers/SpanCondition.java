package io.lumen.sdk.trace.samplers;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.SamplingPredicate;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One condition of a sampling rule: {@code key=value}, {@code key!=value}, {@code key~regex} or
 * {@code key!~regex}, on a span attribute known at span start, or on the pseudo-keys {@code
 * span.name} and {@code span.kind}.
 */
final class SpanCondition implements SamplingPredicate {

  static final String SPAN_NAME = "span.name";
  static final String SPAN_KIND = "span.kind";

  enum Operator {
    EQUALS("="),
    NOT_EQUALS("!="),
    MATCHES("~"),
    NOT_MATCHES("!~");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  private final String key;
  private final Operator operator;
  private final String value;
  @Nullable private final Pattern pattern;
  private final AttributeKey<String> stringKey;
  private final AttributeKey<Long> longKey;
  private final AttributeKey<Boolean> booleanKey;
  private final AttributeKey<Double> doubleKey;

  SpanCondition(String key, Operator operator, String value) {
    this.key = key;
    this.operator = operator;
    this.value = SPAN_KIND.equals(key) ? value.toUpperCase(Locale.ROOT) : value;
    this.pattern =
        operator == Operator.MATCHES || operator == Operator.NOT_MATCHES
            ? Pattern.compile(value)
            : null;
    this.stringKey = AttributeKey.stringKey(key);
    this.longKey = AttributeKey.longKey(key);
    this.booleanKey = AttributeKey.booleanKey(key);
    this.doubleKey = AttributeKey.doubleKey(key);
  }

  @Override
  public boolean matches(
      Context parentContext,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    String actual = actualValue(name, spanKind, attributes);
    switch (operator) {
      case EQUALS:
        return value.equals(actual);
      case NOT_EQUALS:
        return !value.equals(actual);
      case MATCHES:
        return actual != null && pattern.matcher(actual).matches();
      case NOT_MATCHES:
        return actual == null || !pattern.matcher(actual).matches();
    }
    throw new AssertionError(operator);
  }

  @Nullable
  private String actualValue(String name, SpanKind spanKind, Attributes attributes) {
    if (SPAN_NAME.equals(key)) {
      return name;
    }
    if (SPAN_KIND.equals(key)) {
      return spanKind.name();
    }
    // Rules are written without types: the attribute may have been set as any of them.
    String string = attributes.get(stringKey);
    if (string != null) {
      return string;
    }
    Long longValue = attributes.get(longKey);
    if (longValue != null) {
      return longValue.toString();
    }
    Boolean booleanValue = attributes.get(booleanKey);
    if (booleanValue != null) {
      return booleanValue.toString();
    }
    Double doubleValue = attributes.get(doubleKey);
    return doubleValue == null ? null : doubleValue.toString();
  }

  @Override
  public String toString() {
    return key + operator.symbol + value;
  }
}
