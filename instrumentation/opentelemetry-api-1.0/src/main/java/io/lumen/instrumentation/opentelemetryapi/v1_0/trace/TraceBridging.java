package io.lumen.instrumentation.opentelemetryapi.v1_0.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;

/**
 * Converts trace values between the application's API and the agent's. Values are immutable on both
 * sides, so conversion copies; spans are the exception, wrapped so that both sides act on one span.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class TraceBridging {

  private TraceBridging() {}

  /** The application's handle on an agent tracer. */
  public static application.io.opentelemetry.api.trace.Tracer toApplication(
      io.opentelemetry.api.trace.Tracer agentTracer) {
    return new ApplicationTracer(agentTracer);
  }

  /** The application's handle on an agent span. */
  public static application.io.opentelemetry.api.trace.Span toApplication(Span agentSpan) {
    return new ApplicationSpan(agentSpan);
  }

  /** Whether {@code applicationSpan} is a handle on an agent span, made by this bridge. */
  public static boolean isAgentSpan(application.io.opentelemetry.api.trace.Span applicationSpan) {
    return applicationSpan instanceof ApplicationSpan;
  }

  /**
   * The agent span behind an application span: the span itself if the bridge made it, otherwise (a
   * span the application wrapped from a span context, or one of its own SDK) a non-recording span
   * with its span context, which is all the agent needs of a parent.
   */
  public static Span toAgent(application.io.opentelemetry.api.trace.Span applicationSpan) {
    if (applicationSpan instanceof ApplicationSpan) {
      return ((ApplicationSpan) applicationSpan).agentSpan();
    }
    if (applicationSpan == null) {
      return Span.getInvalid();
    }
    return Span.wrap(toAgent(applicationSpan.getSpanContext()));
  }

  static SpanContext toAgent(application.io.opentelemetry.api.trace.SpanContext context) {
    if (context == null || !context.isValid()) {
      return SpanContext.getInvalid();
    }
    TraceFlags flags = TraceFlags.fromByte(context.getTraceFlags().asByte());
    TraceState state = toAgent(context.getTraceState());
    return context.isRemote()
        ? SpanContext.createFromRemoteParent(
            context.getTraceId(), context.getSpanId(), flags, state)
        : SpanContext.create(context.getTraceId(), context.getSpanId(), flags, state);
  }

  static application.io.opentelemetry.api.trace.SpanContext toApplication(SpanContext context) {
    if (!context.isValid()) {
      return application.io.opentelemetry.api.trace.SpanContext.getInvalid();
    }
    application.io.opentelemetry.api.trace.TraceFlags flags =
        application.io.opentelemetry.api.trace.TraceFlags.fromByte(
            context.getTraceFlags().asByte());
    application.io.opentelemetry.api.trace.TraceState state =
        toApplication(context.getTraceState());
    return context.isRemote()
        ? application.io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
            context.getTraceId(), context.getSpanId(), flags, state)
        : application.io.opentelemetry.api.trace.SpanContext.create(
            context.getTraceId(), context.getSpanId(), flags, state);
  }

  private static TraceState toAgent(application.io.opentelemetry.api.trace.TraceState state) {
    if (state == null || state.isEmpty()) {
      return TraceState.getDefault();
    }
    TraceStateBuilder builder = TraceState.builder();
    state.forEach(builder::put);
    return builder.build();
  }

  private static application.io.opentelemetry.api.trace.TraceState toApplication(TraceState state) {
    if (state.isEmpty()) {
      return application.io.opentelemetry.api.trace.TraceState.getDefault();
    }
    application.io.opentelemetry.api.trace.TraceStateBuilder builder =
        application.io.opentelemetry.api.trace.TraceState.builder();
    state.forEach(builder::put);
    return builder.build();
  }

  static SpanKind toAgent(application.io.opentelemetry.api.trace.SpanKind kind) {
    if (kind == null) {
      return SpanKind.INTERNAL;
    }
    switch (kind.name()) {
      case "SERVER":
        return SpanKind.SERVER;
      case "CLIENT":
        return SpanKind.CLIENT;
      case "PRODUCER":
        return SpanKind.PRODUCER;
      case "CONSUMER":
        return SpanKind.CONSUMER;
      default:
        return SpanKind.INTERNAL;
    }
  }

  static StatusCode toAgent(application.io.opentelemetry.api.trace.StatusCode status) {
    if (status == null) {
      return StatusCode.UNSET;
    }
    switch (status.name()) {
      case "OK":
        return StatusCode.OK;
      case "ERROR":
        return StatusCode.ERROR;
      default:
        return StatusCode.UNSET;
    }
  }
}
