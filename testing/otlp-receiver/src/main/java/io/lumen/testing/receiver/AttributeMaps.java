package io.lumen.testing.receiver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable attribute maps that keep the order attributes had on the wire. */
final class AttributeMaps {

  static Map<String, Object> immutableCopy(Map<String, Object> attributes) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  private AttributeMaps() {}
}
