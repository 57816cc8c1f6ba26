package io.lumen.testing.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares an expected attribute value written naturally in a test ({@code 200}, {@code 1.5f},
 * {@code new String[] {"a"}}) with the value OTLP carries ({@code 200L}, {@code 1.5d}, a list).
 */
final class AttributeValues {

  static boolean matches(Object expected, Object actual) {
    Object normalized = normalize(expected);
    if (normalized instanceof byte[] bytes && actual instanceof byte[] actualBytes) {
      return Arrays.equals(bytes, actualBytes);
    }
    return Objects.equals(normalized, actual);
  }

  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(AttributeValues::normalize).toList();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(AttributeValues::normalize).toList();
    }
    return value;
  }

  private AttributeValues() {}
}
