package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.context.Scope;

/**
 * One entry into a filter or servlet that made a request's context current: what {@link
 * ServletRequestTracer#exit} must undo, and whether it started the span (and so must see it end).
 */
public final class ServletDispatch {

  private final TracedRequest<?, ?> tracedRequest;
  private final Scope scope;
  private final boolean startedSpan;

  ServletDispatch(TracedRequest<?, ?> tracedRequest, Scope scope, boolean startedSpan) {
    this.tracedRequest = tracedRequest;
    this.scope = scope;
    this.startedSpan = startedSpan;
  }

  TracedRequest<?, ?> tracedRequest() {
    return tracedRequest;
  }

  Scope scope() {
    return scope;
  }

  boolean startedSpan() {
    return startedSpan;
  }
}
