package io.lumen.testing.receiver;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric from one export, with its data points and the resource and scope it was exported
 * under. A periodic reader exports the same metric again and again: each export is a separate
 * {@code ReceivedMetric}.
 *
 * @param unit the unit, for example {@code s} or {@code By}; empty when none
 * @param temporality how sums and histograms accumulate; {@code NONE} for gauges and summaries
 * @param monotonic whether a sum only goes up; false for everything but monotonic sums
 */
public record ReceivedMetric(
    String name,
    String description,
    String unit,
    Type type,
    Temporality temporality,
    boolean monotonic,
    List<ReceivedDataPoint> points,
    Map<String, Object> resourceAttributes,
    String scopeName,
    String scopeVersion) {

  /** Which OTLP metric data a metric carries. */
  public enum Type {
    GAUGE,
    SUM,
    HISTOGRAM,
    EXPONENTIAL_HISTOGRAM,
    SUMMARY
  }

  /** The aggregation temporality of sums and histograms. */
  public enum Temporality {
    NONE,
    CUMULATIVE,
    DELTA
  }

  public ReceivedMetric {
    points = List.copyOf(points);
    resourceAttributes = AttributeMaps.immutableCopy(resourceAttributes);
  }

  /** The first data point whose attribute {@code key} equals {@code value}. */
  public Optional<ReceivedDataPoint> pointWithAttribute(String key, Object value) {
    return points.stream().filter(p -> Objects.equals(p.attribute(key), value)).findFirst();
  }

  /** The value of resource attribute {@code key}, or null. */
  public Object resourceAttribute(String key) {
    return resourceAttributes.get(key);
  }

  @Override
  public String toString() {
    return name + " " + type + (unit.isEmpty() ? "" : " [" + unit + "]") + " " + points;
  }
}
