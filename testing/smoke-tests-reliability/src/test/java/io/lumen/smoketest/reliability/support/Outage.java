package io.lumen.smoketest.reliability.support;

import java.time.Duration;

/**
 * How long the outage tests keep the collector down: {@code -Dlumen.reliability.outage} (a
 * {@link Duration} such as {@code PT30S}, or {@code 30s}, or seconds), 30 seconds by default.
 */
public final class Outage {

  private Outage() {}

  public static Duration length() {
    String value = System.getProperty("lumen.reliability.outage", "30s").trim();
    if (value.startsWith("P") || value.startsWith("p")) {
      return Duration.parse(value);
    }
    if (value.endsWith("s")) {
      value = value.substring(0, value.length() - 1);
    }
    return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
  }
}
