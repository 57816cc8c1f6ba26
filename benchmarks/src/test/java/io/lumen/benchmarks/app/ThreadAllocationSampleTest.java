package io.lumen.benchmarks.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadAllocationSampleTest {

  private static final long BEGIN = 1_000_000_000L;
  private static final long END = BEGIN + 10_000_000_000L;

  @Test
  void sumsEachThreadsGrowthBetweenBeginningAndEnd() {
    List<ThreadAllocationSample> samples =
        List.of(
            new ThreadAllocationSample(1, BEGIN, 1_000),
            new ThreadAllocationSample(2, BEGIN + 1_000, 50_000),
            new ThreadAllocationSample(1, END, 4_000),
            new ThreadAllocationSample(2, END + 1_000, 51_000));

    assertThat(ThreadAllocationSample.allocatedDuring(samples)).isEqualTo(3_000 + 1_000);
  }

  @Test
  void aThreadStartedDuringTheRecordingCountsWhollyAndOneThatEndedIsLeftOut() {
    List<ThreadAllocationSample> samples =
        List.of(
            new ThreadAllocationSample(1, BEGIN, 1_000),
            new ThreadAllocationSample(9, BEGIN, 70_000),
            new ThreadAllocationSample(1, END, 2_000),
            new ThreadAllocationSample(5, END, 600));

    assertThat(ThreadAllocationSample.allocatedDuring(samples)).isEqualTo(1_000 + 600);
  }

  @Test
  void nothingRecordedIsNothingAllocated() {
    assertThat(ThreadAllocationSample.allocatedDuring(List.of())).isZero();
  }
}
