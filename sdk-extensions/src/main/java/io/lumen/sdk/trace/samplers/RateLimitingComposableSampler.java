package io.lumen.sdk.trace.samplers;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.ComposableSampler;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.SamplingIntent;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code N/s} action of a sampling rule. A rate gives no fixed probability, so the decision
 * is marked as not reliable for adjusted counts (no {@code th} is written to the trace state).
 */
final class RateLimitingComposableSampler implements ComposableSampler {

  // The incubator's threshold values: 0 samples everything, -1 nothing.
  private static final long ALWAYS_THRESHOLD = 0;
  private static final long NEVER_THRESHOLD = -1;

  private static final SamplingIntent SAMPLE =
      SamplingIntent.create(ALWAYS_THRESHOLD, false, Attributes.empty(), Function.identity());
  private static final SamplingIntent DROP =
      SamplingIntent.create(NEVER_THRESHOLD, false, Attributes.empty(), Function.identity());

  private final RateLimiter limiter;

  RateLimitingComposableSampler(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public SamplingIntent getSamplingIntent(
      Context parentContext,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return limiter.tryAcquire() ? SAMPLE : DROP;
  }

  @Override
  public String getDescription() {
    return "RateLimiting{" + limiter.permitsPerSecond() + "/s}";
  }

  @Override
  public String toString() {
    return getDescription();
  }
}
