package io.lumen.benchmarks.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code jdk.ThreadAllocationStatistics} event of a flight recording: how many bytes one
 * thread had allocated in total at one moment.
 *
 * @param threadId the Java thread id
 * @param epochNanos when the JVM took the value
 * @param allocatedBytes bytes the thread allocated since it started
 */
record ThreadAllocationSample(long threadId, long epochNanos, long allocatedBytes) {

  /**
   * The bytes all threads allocated during a recording, from the samples the JVM emits at its
   * beginning and at its end ({@code period=everyChunk}): per thread the last value minus the
   * first. A thread seen only at the end started during the recording, so all it allocated counts;
   * one seen only at the beginning ended during it, and what it allocated meanwhile is not known
   * (it is left out: application and agent threads live for the whole measurement).
   */
  static long allocatedDuring(List<ThreadAllocationSample> samples) {
    if (samples.isEmpty()) {
      return 0;
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (ThreadAllocationSample sample : samples) {
      first = Math.min(first, sample.epochNanos);
      last = Math.max(last, sample.epochNanos);
    }
    long middle = first + (last - first) / 2;
    Map<Long, Long> atBeginning = new HashMap<>();
    Map<Long, Long> atEnd = new HashMap<>();
    for (ThreadAllocationSample sample : samples) {
      Map<Long, Long> batch = sample.epochNanos <= middle && last != first ? atBeginning : atEnd;
      batch.merge(sample.threadId, sample.allocatedBytes, Math::max);
    }
    long total = 0;
    for (Map.Entry<Long, Long> end : atEnd.entrySet()) {
      long before = atBeginning.getOrDefault(end.getKey(), 0L);
      total += Math.max(0, end.getValue() - before);
    }
    return total;
  }
}
