package io.lumen.sdk.internal.config;

import io.opentelemetry.api.internal.ConfigUtil;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One documented configuration key, or one family of keys such as {@code
 * otel.instrumentation.<name>.enabled}: which values are valid, and what a bad value falls back to.
 */
final class PropertyRule {

  /** Checks one value; sees the configuration as repaired so far. */
  interface Check {
    Verdict check(String key, String value, RepairContext context);
  }

  private final String documentedKey;
  private final Predicate<String> matcher;
  private final boolean exact;
  private final Check check;
  private final Function<RepairContext, String> describeDefault;
  private final boolean sensitive;

  private PropertyRule(
      String documentedKey,
      Predicate<String> matcher,
      boolean exact,
      Check check,
      Function<RepairContext, String> describeDefault,
      boolean sensitive) {
    this.documentedKey = documentedKey;
    this.matcher = matcher;
    this.exact = exact;
    this.check = check;
    this.describeDefault = describeDefault;
    this.sensitive = sensitive;
  }

  /** A rule for exactly {@code key}, written as users write it ({@code otel.bsp.max.queue.size}). */
  static PropertyRule forKey(String key, String defaultDescription, Check check) {
    String normalized = ConfigUtil.normalizePropertyKey(key);
    return new PropertyRule(
        key, normalized::equals, true, check, unused -> defaultDescription, false);
  }

  /** Like {@link #forKey}, with a default that depends on the rest of the configuration. */
  static PropertyRule forKey(
      String key, Function<RepairContext, String> describeDefault, Check check) {
    String normalized = ConfigUtil.normalizePropertyKey(key);
    return new PropertyRule(key, normalized::equals, true, check, describeDefault, false);
  }

  /**
   * A rule for every key that matches {@code template}, in which {@code <name>} stands for one or
   * more characters ({@code otel.instrumentation.<name>.enabled}).
   */
  static PropertyRule forKeys(String template, String defaultDescription, Check check) {
    String normalized = ConfigUtil.normalizePropertyKey(template);
    String[] parts = normalized.split("<name>", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".+");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    Pattern pattern = Pattern.compile(regex.toString());
    return new PropertyRule(
        template,
        key -> pattern.matcher(key).matches(),
        false,
        check,
        unused -> defaultDescription,
        false);
  }

  /** The same rule, whose values are secrets: warnings never show them. */
  PropertyRule sensitive() {
    return new PropertyRule(documentedKey, matcher, exact, check, describeDefault, true);
  }

  /** The key as the documentation writes it. */
  String documentedKey() {
    return documentedKey;
  }

  /** Whether the rule names one key rather than a family of keys. */
  boolean isExact() {
    return exact;
  }

  /** Whether {@code key} (normalized) is one of this rule's keys. */
  boolean matches(String key) {
    return matcher.test(key.toLowerCase(Locale.ROOT));
  }

  boolean isSensitive() {
    return sensitive;
  }

  Verdict check(String key, String value, RepairContext context) {
    return check.check(key, value, context);
  }

  /** What the key falls back to, for the warning: {@code 2048}, {@code the system trust store}. */
  String describeDefault(RepairContext context) {
    return describeDefault.apply(context);
  }

  @Override
  public String toString() {
    return "PropertyRule{" + documentedKey + "}";
  }
}
