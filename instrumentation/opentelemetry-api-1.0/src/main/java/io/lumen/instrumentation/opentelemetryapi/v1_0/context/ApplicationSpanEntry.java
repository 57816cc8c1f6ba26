package io.lumen.instrumentation.opentelemetryapi.v1_0.context;

import io.lumen.instrumentation.opentelemetryapi.v1_0.trace.TraceBridging;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The current span as both sides see it, kept in the agent context.
 *
 * <p>A span the bridge made is an agent span, stored as itself. A span the application made without
 * the bridge (with an SDK of its own, or {@code Span.wrap}) has no agent span behind it: the agent
 * context gets a stand-in with its span context, enough to parent the agent's spans, and this entry
 * remembers the application's span, so that {@code Span.current()} in the application is the very
 * span it made current (still recording, still taking attributes) for as long as the stand-in is
 * the agent's current span.
 */
final class ApplicationSpanEntry {

  private static final ContextKey<ApplicationSpanEntry> KEY =
      ContextKey.named("lumen-application-span");

  private final Span agentStandIn;
  private final application.io.opentelemetry.api.trace.Span applicationSpan;

  private ApplicationSpanEntry(
      Span agentStandIn, application.io.opentelemetry.api.trace.Span applicationSpan) {
    this.agentStandIn = agentStandIn;
    this.applicationSpan = applicationSpan;
  }

  /** {@code agentContext} with {@code span} as its current span. */
  static Context store(Context agentContext, application.io.opentelemetry.api.trace.Span span) {
    Span agentSpan = TraceBridging.toAgent(span);
    Context result = agentContext.with(agentSpan);
    if (span == null || TraceBridging.isAgentSpan(span)) {
      return result;
    }
    return result.with(KEY, new ApplicationSpanEntry(agentSpan, span));
  }

  /** The application's view of the current span of {@code agentContext}, or null if none. */
  static application.io.opentelemetry.api.trace.Span read(Context agentContext) {
    Span agentSpan = Span.fromContextOrNull(agentContext);
    if (agentSpan == null) {
      return null;
    }
    ApplicationSpanEntry entry = agentContext.get(KEY);
    if (entry != null && entry.agentStandIn == agentSpan) {
      return entry.applicationSpan;
    }
    return TraceBridging.toApplication(agentSpan);
  }
}
