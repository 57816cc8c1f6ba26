package io.lumen.instrumentation.opentelemetryapi.v1_0.common;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * Converts attribute keys and attributes from the application's API to the agent's.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class AttributesBridging {

  private AttributesBridging() {}

  /**
   * The agent's key of the same name and type, or null for a type the agent's API does not have (a
   * newer application API may add types); such attributes are dropped.
   */
  @SuppressWarnings("unchecked") // same type on both sides, so T is the same
  public static <T> AttributeKey<T> toAgent(
      application.io.opentelemetry.api.common.AttributeKey<T> key) {
    if (key == null || key.getType() == null) {
      return null;
    }
    String name = key.getKey();
    switch (key.getType().name()) {
      case "STRING":
        return (AttributeKey<T>) AttributeKey.stringKey(name);
      case "BOOLEAN":
        return (AttributeKey<T>) AttributeKey.booleanKey(name);
      case "LONG":
        return (AttributeKey<T>) AttributeKey.longKey(name);
      case "DOUBLE":
        return (AttributeKey<T>) AttributeKey.doubleKey(name);
      case "STRING_ARRAY":
        return (AttributeKey<T>) AttributeKey.stringArrayKey(name);
      case "BOOLEAN_ARRAY":
        return (AttributeKey<T>) AttributeKey.booleanArrayKey(name);
      case "LONG_ARRAY":
        return (AttributeKey<T>) AttributeKey.longArrayKey(name);
      case "DOUBLE_ARRAY":
        return (AttributeKey<T>) AttributeKey.doubleArrayKey(name);
      default:
        return null;
    }
  }

  /** The same attributes, for the agent; empty for null. */
  public static Attributes toAgent(application.io.opentelemetry.api.common.Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    attributes.forEach((key, value) -> put(builder, key, value));
    return builder.build();
  }

  @SuppressWarnings("unchecked") // the value of a key of T is a T
  private static <T> void put(
      AttributesBuilder builder,
      application.io.opentelemetry.api.common.AttributeKey<T> key,
      Object value) {
    AttributeKey<T> agentKey = toAgent(key);
    if (agentKey != null && value != null) {
      builder.put(agentKey, (T) value);
    }
  }
}
