package io.lumen.sdk.trace.samplers;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples at most a given number of traces per second in this process, evenly spread, whatever
 * the load: the cost of tracing stays bounded during traffic spikes, where a ratio sampler would
 * grow with traffic.
 *
 * <p>This sampler decides for every span it is asked about. Use it as the root of a parent-based
 * sampler, as {@code otel.traces.sampler=rate_limiting} does, so that it decides for new traces
 * only and spans of a sampled trace are all kept:
 *
 * <pre>{@code
 * Sampler sampler = Sampler.parentBased(RateLimitingSampler.create(50)); // 50 new traces/s
 * }</pre>
 *
 * <p>Thread-safe and lock-free.
 */
public final class RateLimitingSampler implements Sampler {

  private final RateLimiter limiter;
  private final String description;

  private RateLimitingSampler(RateLimiter limiter) {
    this.limiter = limiter;
    this.description = "RateLimitingSampler{" + limiter.permitsPerSecond() + "/s}";
  }

  /**
   * Returns a sampler that samples at most {@code tracesPerSecond} spans per second; fractions
   * are allowed ({@code 0.5} is one every two seconds).
   *
   * @throws IllegalArgumentException if {@code tracesPerSecond} is not a positive number
   */
  public static RateLimitingSampler create(double tracesPerSecond) {
    return create(tracesPerSecond, System::nanoTime);
  }

  // Visible for testing: a clock the test advances.
  static RateLimitingSampler create(double tracesPerSecond, LongSupplier nanoClock) {
    return new RateLimitingSampler(new RateLimiter(tracesPerSecond, nanoClock));
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return SamplingResult.create(
        limiter.tryAcquire() ? SamplingDecision.RECORD_AND_SAMPLE : SamplingDecision.DROP);
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
