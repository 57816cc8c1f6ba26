package io.lumen.testing.receiver;

import java.util.List;
import java.util.Map;

/**
 * One data point of a {@link ReceivedMetric}. Which fields are set depends on the metric type:
 * gauges and sums have a {@link #value()}; histograms and summaries have {@link #count()} and
 * {@link #sum()}; explicit-bucket histograms also have {@link #bucketCounts()} and {@link
 * #explicitBounds()}, and usually {@link #min()} and {@link #max()}. Exponential histogram buckets
 * are not decoded.
 *
 * @param value a {@link Long} or {@link Double} for gauges and sums, otherwise null
 * @param count number of recorded measurements (histograms, summaries), otherwise 0
 * @param sum sum of recorded measurements, or null when not present
 * @param min smallest measurement, or null when not present
 * @param max largest measurement, or null when not present
 * @param bucketCounts counts per bucket of an explicit-bucket histogram, otherwise empty
 * @param explicitBounds the bucket bounds of an explicit-bucket histogram, otherwise empty
 */
public record ReceivedDataPoint(
    Map<String, Object> attributes,
    long startEpochNanos,
    long epochNanos,
    Number value,
    long count,
    Double sum,
    Double min,
    Double max,
    List<Long> bucketCounts,
    List<Double> explicitBounds) {

  public ReceivedDataPoint {
    attributes = AttributeMaps.immutableCopy(attributes);
    bucketCounts = List.copyOf(bucketCounts);
    explicitBounds = List.copyOf(explicitBounds);
  }

  /** The value of attribute {@code key}, or null. */
  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** The gauge or sum value as a long; fails for points without a value. */
  public long longValue() {
    return requireValue().longValue();
  }

  /** The gauge or sum value as a double; fails for points without a value. */
  public double doubleValue() {
    return requireValue().doubleValue();
  }

  private Number requireValue() {
    if (value == null) {
      throw new IllegalStateException("data point has no single value (histogram or summary?)");
    }
    return value;
  }

  @Override
  public String toString() {
    String measured = value != null ? String.valueOf(value) : "count=" + count + " sum=" + sum;
    return attributes + " " + measured;
  }
}
