package io.lumen.instrumentation.opentelemetryapi.v1_0.trace;

import application.io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

/** An agent tracer as the application sees it. */
final class ApplicationTracer implements application.io.opentelemetry.api.trace.Tracer {

  private final Tracer agentTracer;

  ApplicationTracer(Tracer agentTracer) {
    this.agentTracer = agentTracer;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new ApplicationSpanBuilder(agentTracer.spanBuilder(spanName));
  }
}
