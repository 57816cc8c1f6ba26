package io.lumen.benchmarks.stats;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * The median and spread of one figure over the rounds of a benchmark. Rounds are few (3 to 10),
 * so the report shows the median with the full range rather than a mean with a standard deviation
 * that such small samples cannot support.
 *
 * @param count how many values
 * @param median the middle value (mean of the two middle values for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param lowerQuartile the 25th percentile, interpolated linearly between ranks
 * @param upperQuartile the 75th percentile, interpolated linearly between ranks
 */
public record Summary(
    int count, double median, double min, double max, double lowerQuartile, double upperQuartile) {

  /**
   * Summarizes {@code values}.
   *
   * @throws IllegalArgumentException if there are none, or one is not a finite number
   */
  public static Summary of(Collection<? extends Number> values) {
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return ofSorted(sorted);
  }

  /** Summarizes {@code values} (not modified). */
  public static Summary of(double... values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return ofSorted(sorted);
  }

  private static Summary ofSorted(double[] sorted) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values to summarize");
    }
    for (double value : sorted) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("not a finite value: " + value);
      }
    }
    return new Summary(
        sorted.length,
        percentile(sorted, 0.5),
        sorted[0],
        sorted[sorted.length - 1],
        percentile(sorted, 0.25),
        percentile(sorted, 0.75));
  }

  /** The {@code p}-quantile of sorted values, interpolated linearly between ranks (type 7). */
  static double percentile(double[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }

  /**
   * This summary divided by a baseline's median: each value of the range divided by the same
   * number, so the ratio's spread is this figure's own spread, not a mix of two.
   */
  public Summary relativeTo(Summary baseline) {
    double base = baseline.median;
    if (base == 0) {
      throw new IllegalArgumentException("baseline median is zero");
    }
    return new Summary(
        count, median / base, min / base, max / base, lowerQuartile / base, upperQuartile / base);
  }

  /** Whether the ranges [min, max] of this summary and {@code other} overlap. */
  public boolean overlaps(Summary other) {
    return min <= other.max && other.min <= max;
  }

  /** {@code "12.3 (11.9–13.0)"} with the given number of decimals. */
  public String format(int decimals) {
    if (count == 1) {
      return formatNumber(median, decimals);
    }
    return formatNumber(median, decimals)
        + " ("
        + formatNumber(min, decimals)
        + "–"
        + formatNumber(max, decimals)
        + ")";
  }

  static String formatNumber(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
