package io.lumen.sdk.trace.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Time is a fake clock the test advances: nothing here depends on how fast the machine is. */
class RateLimitingSamplerTest {

  private static final long MILLI = 1_000_000L;

  private final AtomicLong clock = new AtomicLong(-5_000 * MILLI); // nanoTime may be negative
  private final SamplingHarness harness = new SamplingHarness();

  private boolean sampleNow(Sampler sampler) {
    return SamplingHarness.isSampled(
        harness.root(sampler, "GET /", SpanKind.SERVER, Attributes.empty()));
  }

  @Test
  void underOverloadSamplesTheConfiguredRate() {
    Sampler sampler = RateLimitingSampler.create(100, clock::get);
    int sampled = 0;
    // 10 s of 1000 requests/s, one every millisecond.
    for (int i = 0; i < 10_000; i++) {
      clock.addAndGet(MILLI);
      if (sampleNow(sampler)) {
        sampled++;
      }
    }
    // 100/s for 10 s, plus at most the initial burst of a tenth of a second's worth (10).
    assertThat(sampled).isBetween(1000, 1010);
  }

  @Test
  void spreadsSamplesEvenlyInsteadOfTakingTheFirstOfEachSecond() {
    Sampler sampler = RateLimitingSampler.create(100, clock::get);
    List<Integer> perTenthOfSecond = new ArrayList<>();
    for (int window = 0; window < 50; window++) {
      int sampled = 0;
      for (int i = 0; i < 100; i++) { // 1000 requests/s
        clock.addAndGet(MILLI);
        if (sampleNow(sampler)) {
          sampled++;
        }
      }
      perTenthOfSecond.add(sampled);
    }
    // Every 100 ms window gets its share (10), not 100 in the first and 0 in the rest.
    assertThat(perTenthOfSecond.subList(1, perTenthOfSecond.size())).allMatch(n -> n == 10);
    assertThat(perTenthOfSecond.get(0)).isBetween(10, 20);
  }

  @Test
  void belowTheRateEverythingIsSampled() {
    Sampler sampler = RateLimitingSampler.create(100, clock::get);
    for (int i = 0; i < 500; i++) { // 50 requests/s
      clock.addAndGet(20 * MILLI);
      assertThat(sampleNow(sampler)).isTrue();
    }
  }

  @Test
  void fractionalRates() {
    Sampler sampler = RateLimitingSampler.create(0.5, clock::get);
    int sampled = 0;
    for (int i = 0; i < 1000; i++) { // 100 s of 10 requests/s
      clock.addAndGet(100 * MILLI);
      if (sampleNow(sampler)) {
        sampled++;
      }
    }
    assertThat(sampled).isBetween(50, 51);
  }

  @Test
  void concurrentCallersNeverGetMoreThanTheBudget() throws Exception {
    // Frozen clock: the budget is exactly the burst, however many threads ask at once.
    Sampler sampler = RateLimitingSampler.create(1000, clock::get);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SamplingHarness own = new SamplingHarness();
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int sampled = 0;
                  for (int i = 0; i < 10_000; i++) {
                    if (SamplingHarness.isSampled(
                        own.root(sampler, "x", SpanKind.INTERNAL, Attributes.empty()))) {
                      sampled++;
                    }
                  }
                  return sampled;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get();
      }
      assertThat(total).isEqualTo(100); // a tenth of a second's worth of 1000/s
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void asTheRootOfAParentBasedSamplerChildrenFollowTheirParent() {
    Sampler sampler = Sampler.parentBased(RateLimitingSampler.create(1, clock::get));
    assertThat(sampleNow(sampler)).isTrue();
    assertThat(sampleNow(sampler)).isFalse(); // budget spent
    for (int i = 0; i < 100; i++) {
      assertThat(
              SamplingHarness.isSampled(
                  harness.child(sampler, true, "db", SpanKind.CLIENT, Attributes.empty())))
          .isTrue();
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RateLimitingSampler.create(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitingSampler.create(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RateLimitingSampler.create(25).getDescription()).isEqualTo("RateLimitingSampler{25.0/s}");
  }
}
