package io.lumen.smoketest.kubernetes;

import java.util.Map;

/**
 * A container environment variable as a pod spec declares it: a literal value (which may refer to
 * earlier variables as {@code $(NAME)}) or a downward-API field ({@code valueFrom.fieldRef}).
 *
 * @param value the literal value, or null for a field reference
 * @param fieldPath the downward-API field, for example {@code status.hostIP}, or null
 */
record EnvVar(String name, String value, String fieldPath) {

  static EnvVar literal(String name, String value) {
    return new EnvVar(name, value, null);
  }

  static EnvVar field(String name, String fieldPath) {
    return new EnvVar(name, null, fieldPath);
  }

  /** From a pod spec's {@code env} entry. */
  static EnvVar fromSpec(Map<String, Object> entry) {
    String name = (String) entry.get("name");
    Object valueFrom = entry.get("valueFrom");
    if (valueFrom instanceof Map<?, ?> source && source.get("fieldRef") instanceof Map<?, ?> ref) {
      return field(name, (String) ref.get("fieldPath"));
    }
    Object value = entry.get("value");
    return literal(name, value == null ? "" : value.toString());
  }

  EnvVar withValue(String newValue) {
    return literal(name, newValue);
  }

  @Override
  public String toString() {
    return fieldPath != null ? name + "=<" + fieldPath + ">" : name + "=" + value;
  }
}
