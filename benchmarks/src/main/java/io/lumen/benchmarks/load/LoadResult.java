package io.lumen.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one load phase measured, as the load generator reports it on one line of its output.
 *
 * @param path the path template requested, for example {@code /users/{id}}
 * @param responses requests answered with any HTTP status: each was handled by the app, so each
 *     produced its spans
 * @param failures requests that got no response (connection or timeout errors)
 * @param non2xx responses with a status outside 200..299 (included in {@code responses})
 * @param seconds from the start of the phase until the last request in flight completed
 * @param p50Micros median latency of the responses
 * @param p99Micros 99th percentile latency of the responses
 * @param maxMicros slowest response
 */
public record LoadResult(
    String path,
    long responses,
    long failures,
    long non2xx,
    double seconds,
    long p50Micros,
    long p99Micros,
    long maxMicros) {

  static final String PREFIX = "RESULT ";

  /** Responses per second over the phase. */
  public double throughput() {
    return responses / seconds;
  }

  /** The line the load generator prints. */
  public String toLine() {
    return PREFIX
        + "path="
        + path
        + " responses="
        + responses
        + " failures="
        + failures
        + " non2xx="
        + non2xx
        + " seconds="
        + String.format(Locale.ROOT, "%.4f", seconds)
        + " p50us="
        + p50Micros
        + " p99us="
        + p99Micros
        + " maxus="
        + maxMicros;
  }

  /** Whether {@code line} is a result line. */
  public static boolean isResultLine(String line) {
    return line.startsWith(PREFIX);
  }

  /**
   * Reads a line written by {@link #toLine()}.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static LoadResult parse(String line) {
    if (!isResultLine(line)) {
      throw new IllegalArgumentException("not a load result: " + line);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : line.substring(PREFIX.length()).trim().split(" +")) {
      int equals = field.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("malformed field '" + field + "' in: " + line);
      }
      fields.put(field.substring(0, equals), field.substring(equals + 1));
    }
    try {
      return new LoadResult(
          required(fields, "path", line),
          Long.parseLong(required(fields, "responses", line)),
          Long.parseLong(required(fields, "failures", line)),
          Long.parseLong(required(fields, "non2xx", line)),
          Double.parseDouble(required(fields, "seconds", line)),
          Long.parseLong(required(fields, "p50us", line)),
          Long.parseLong(required(fields, "p99us", line)),
          Long.parseLong(required(fields, "maxus", line)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed number in: " + line, e);
    }
  }

  private static String required(Map<String, String> fields, String name, String line) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no " + name + " in: " + line);
    }
    return value;
  }
}
