package io.lumen.sdk.trace.samplers;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Grants at most {@code permitsPerSecond} permits per second on average, spread evenly: the
 * generic cell rate algorithm, one atomic long, no lock and no background thread.
 *
 * <p>Evenly means a burst may take at most a tenth of a second's worth of permits at once (at
 * least one), so {@code 100/s} samples about one trace every 10 ms under load rather than the
 * first 100 of each second. In any one-second window at most {@code 1.1 * permitsPerSecond}
 * permits are granted; over longer periods, {@code permitsPerSecond}.
 */
final class RateLimiter {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double permitsPerSecond;
  private final long nanosPerPermit;
  private final long burstNanos;
  private final LongSupplier nanoClock;
  /** When the bucket would be empty again: each grant pushes it one interval later. */
  private final AtomicLong theoreticalArrival;

  RateLimiter(double permitsPerSecond, LongSupplier nanoClock) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException(
          "permits per second must be a positive number, was " + permitsPerSecond);
    }
    this.permitsPerSecond = permitsPerSecond;
    this.nanosPerPermit = Math.max(1L, (long) (NANOS_PER_SECOND / permitsPerSecond));
    long burstPermits = Math.max(1L, (long) Math.floor(permitsPerSecond / 10));
    this.burstNanos = (burstPermits - 1) * nanosPerPermit;
    this.nanoClock = nanoClock;
    this.theoreticalArrival = new AtomicLong(nanoClock.getAsLong());
  }

  /** Takes a permit if one is available now; never blocks. */
  boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    while (true) {
      long arrival = theoreticalArrival.get();
      // nanoTime may be negative and wraps: compare by difference, never by value.
      long ahead = arrival - now;
      if (ahead > burstNanos) {
        return false;
      }
      long next = (ahead < 0 ? now : arrival) + nanosPerPermit;
      if (theoreticalArrival.compareAndSet(arrival, next)) {
        return true;
      }
    }
  }

  double permitsPerSecond() {
    return permitsPerSecond;
  }
}
