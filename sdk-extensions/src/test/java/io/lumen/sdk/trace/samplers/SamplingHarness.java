package io.lumen.sdk.trace.samplers;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.Collections;
import java.util.Random;

/**
 * Asks a sampler about many spans with trace ids from a seeded generator: the counts are then
 * statistically meaningful and still the same on every run.
 */
final class SamplingHarness {

  private final Random random = new Random(20_24_11_21L);

  String nextTraceId() {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  String nextSpanId() {
    return String.format("%016x", random.nextLong() | 1);
  }

  /** How many of {@code count} new root spans the sampler samples. */
  int sampledRoots(Sampler sampler, int count, String name, SpanKind kind, Attributes attributes) {
    int sampled = 0;
    for (int i = 0; i < count; i++) {
      if (isSampled(root(sampler, name, kind, attributes))) {
        sampled++;
      }
    }
    return sampled;
  }

  SamplingResult root(Sampler sampler, String name, SpanKind kind, Attributes attributes) {
    return sampler.shouldSample(
        Context.root(), nextTraceId(), name, kind, attributes, Collections.emptyList());
  }

  SamplingResult child(
      Sampler sampler, boolean parentSampled, String name, SpanKind kind, Attributes attributes) {
    String traceId = nextTraceId();
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            traceId,
            nextSpanId(),
            parentSampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    return sampler.shouldSample(
        Context.root().with(Span.wrap(parent)),
        traceId,
        name,
        kind,
        attributes,
        Collections.emptyList());
  }

  static boolean isSampled(SamplingResult result) {
    return result.getDecision() == SamplingDecision.RECORD_AND_SAMPLE;
  }
}
