package io.lumen.benchmarks.report;

import io.lumen.benchmarks.app.EndpointMeasurement;
import io.lumen.benchmarks.app.RunMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One figure of the application benchmark, read from each run.
 *
 * @param key stable identifier, for example {@code p99:/users/{id}}
 * @param label what the report calls it
 * @param shortLabel what the chart calls it
 * @param unit unit of the values
 * @param decimals decimals to print
 * @param higherIsBetter true for throughput, false for costs
 * @param value how to read it from a run
 */
public record Figure(
    String key,
    String label,
    String shortLabel,
    String unit,
    int decimals,
    boolean higherIsBetter,
    ToDoubleFunction<RunMeasurement> value) {

  public static final String STARTUP = "startup";
  public static final String PEAK_RSS = "rss";
  public static final String HEAP = "heap";
  public static final String THREADS = "threads";

  public static String throughput(String endpoint) {
    return "throughput:" + endpoint;
  }

  public static String p50(String endpoint) {
    return "p50:" + endpoint;
  }

  public static String p99(String endpoint) {
    return "p99:" + endpoint;
  }

  public static String cpu(String endpoint) {
    return "cpu:" + endpoint;
  }

  public static String allocation(String endpoint) {
    return "alloc:" + endpoint;
  }

  /** The figures of the application benchmark, in report order. */
  public static List<Figure> application(List<String> endpoints) {
    List<Figure> figures = new ArrayList<>();
    figures.add(
        new Figure(
            STARTUP,
            "Start-up (launch to first 200)",
            "start-up",
            "ms",
            0,
            false,
            RunMeasurement::startupMillis));
    for (String endpoint : endpoints) {
      String name = "`GET " + endpoint + "`";
      String chartName = endpoint.endsWith("/profile") ? "profile" : "jdbc";
      figures.add(
          new Figure(
              throughput(endpoint),
              "Throughput " + name,
              "req/s " + chartName,
              "req/s",
              0,
              true,
              run -> endpoint(run, endpoint).load().throughput()));
      figures.add(
          new Figure(
              p50(endpoint),
              "Latency p50 " + name,
              "p50 " + chartName,
              "ms",
              2,
              false,
              run -> endpoint(run, endpoint).load().p50Micros() / 1000.0));
      figures.add(
          new Figure(
              p99(endpoint),
              "Latency p99 " + name,
              "p99 " + chartName,
              "ms",
              2,
              false,
              run -> endpoint(run, endpoint).load().p99Micros() / 1000.0));
      figures.add(
          new Figure(
              cpu(endpoint),
              "CPU time per request " + name,
              "CPU/req " + chartName,
              "µs",
              0,
              false,
              run -> endpoint(run, endpoint).cpuMicrosPerRequest()));
      figures.add(
          new Figure(
              allocation(endpoint),
              "Allocation per request " + name,
              "alloc/req " + chartName,
              "KB",
              1,
              false,
              run -> endpoint(run, endpoint).allocatedBytesPerRequest() / 1024.0));
    }
    figures.add(
        new Figure(
            PEAK_RSS,
            "Peak RSS after load (VmHWM)",
            "peak RSS",
            "MB",
            0,
            false,
            run -> run.peakRssKilobytes() / 1024.0));
    figures.add(
        new Figure(
            HEAP,
            "Heap used after load and full GC",
            "heap",
            "MB",
            1,
            false,
            run -> run.heapUsedKilobytes() / 1024.0));
    figures.add(
        new Figure(
            THREADS, "Threads after warm-up", "threads", "", 0, false, RunMeasurement::threads));
    return figures;
  }

  private static EndpointMeasurement endpoint(RunMeasurement run, String endpoint) {
    EndpointMeasurement measurement = run.endpoints().get(endpoint);
    if (measurement == null) {
      throw new IllegalArgumentException("run " + run.round() + " has no " + endpoint);
    }
    return measurement;
  }
}
