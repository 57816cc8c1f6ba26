package io.lumen.benchmarks.jmh;

import io.lumen.benchmarks.stats.Summary;
import java.util.Map;

/**
 * One microbenchmark run with one configuration.
 *
 * @param benchmark the benchmark class's simple name
 * @param agent the configuration's key
 * @param nanosPerOp time per operation over the measured iterations (one value per iteration)
 * @param bytesPerOp bytes allocated per operation by all threads (JMH's {@code gc.alloc.rate.norm}),
 *     or null if the GC profiler reported none
 * @param probe counts from inside the fork: {@code invocations} (warm-up included), and for the
 *     executor benchmark {@code propagated} (tasks that saw the caller's span)
 * @param spansReceived spans the receiver got from this fork
 * @param logRecordsReceived log records the receiver got from this fork
 */
public record MicroResult(
    String benchmark,
    String agent,
    Summary nanosPerOp,
    Summary bytesPerOp,
    Map<String, Long> probe,
    long spansReceived,
    long logRecordsReceived) {

  /** Operations the fork ran, warm-up included; 0 if the probe is missing. */
  public long invocations() {
    return probe.getOrDefault("invocations", 0L);
  }
}
