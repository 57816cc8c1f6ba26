package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.context.Scope;
import javax.annotation.Nullable;

/**
 * One entry into a filter or servlet that made a request's context current: what {@link
 * ServletRequestTracer#exit} must undo, and whether it started the span (and so must see it end).
 */
public final class ServletDispatch {

  private final TracedRequest<?, ?> tracedRequest;
  @Nullable private final Scope scope;
  private final boolean startedSpan;

  /**
   * @param scope null for a nested entry, which finds the request's context already current
   */
  ServletDispatch(TracedRequest<?, ?> tracedRequest, @Nullable Scope scope, boolean startedSpan) {
    this.tracedRequest = tracedRequest;
    this.scope = scope;
    this.startedSpan = startedSpan;
  }

  TracedRequest<?, ?> tracedRequest() {
    return tracedRequest;
  }

  @Nullable
  Scope scope() {
    return scope;
  }

  boolean startedSpan() {
    return startedSpan;
  }
}
