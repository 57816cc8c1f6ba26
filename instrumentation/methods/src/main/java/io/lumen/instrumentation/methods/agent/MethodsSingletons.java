package io.lumen.instrumentation.methods.agent;

import io.lumen.instrumentation.methods.MethodSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** The spans of configured methods, reported under the scope {@code io.lumen.methods}. */
public final class MethodsSingletons {

  private static final MethodSpans SPANS =
      MethodSpans.create(GlobalOpenTelemetry.get(), "io.lumen.methods");

  private MethodsSingletons() {}

  public static MethodSpans spans() {
    return SPANS;
  }
}
