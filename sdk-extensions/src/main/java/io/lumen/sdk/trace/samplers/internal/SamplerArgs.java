package io.lumen.sdk.trace.samplers.internal;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/** Keys and the fallback shared by Lumen's sampler providers. */
final class SamplerArgs {

  static final String ARG = "otel.traces.sampler.arg";
  static final String RULES = "otel.traces.sampler.rules";

  /** What a misconfigured sampler falls back to: the SDK's own default. */
  static final Sampler DEFAULT_SAMPLER = Sampler.parentBased(Sampler.alwaysOn());

  private SamplerArgs() {}
}
