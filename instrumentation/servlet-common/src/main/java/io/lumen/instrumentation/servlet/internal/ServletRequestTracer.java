package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.LocalRootSpan;
import javax.annotation.Nullable;

/**
 * Gives each servlet request exactly one server span, whichever filters, servlets and dispatches it
 * passes through. Agent advice on {@code Filter#doFilter} and {@code Servlet#service}, and the
 * library-mode filter, call {@link #enter} on the way in and {@link #exit} on the way out.
 *
 * <p>The first entry starts the span and leaves a {@link TracedRequest} in a request attribute;
 * every later entry finds it and only makes its context current where it is not already (an
 * asynchronous dispatch runs on another thread; an error dispatch after the first scope closed).
 *
 * <p>The first entry extracts the parent from the request headers on top of the <em>root</em>
 * context, never the thread's current one: a context that some earlier request leaked onto this
 * pooled thread must not become the parent of an unrelated request.
 *
 * <p>A request attribute holding a {@code TracedRequest} of another class loader means another copy
 * of this code (library mode inside an application that also runs the agent) already traces the
 * request; this copy then stays out of the way entirely.
 */
public final class ServletRequestTracer<REQUEST, RESPONSE> {

  /** The request attribute that holds the request's {@link TracedRequest}. */
  public static final String TRACED_REQUEST_ATTRIBUTE =
      "io.lumen.instrumentation.servlet.TracedRequest";

  private final Instrumenter<REQUEST, RESPONSE> instrumenter;
  private final ServletAccessor<REQUEST, RESPONSE> accessor;

  ServletRequestTracer(
      Instrumenter<REQUEST, RESPONSE> instrumenter, ServletAccessor<REQUEST, RESPONSE> accessor) {
    this.instrumenter = instrumenter;
    this.accessor = accessor;
  }

  /**
   * Returns a builder of a tracer that reports to {@code openTelemetry} under the instrumentation
   * scope {@code instrumentationName}.
   */
  public static <REQUEST, RESPONSE> ServletRequestTracerBuilder<REQUEST, RESPONSE> builder(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      ServletAccessor<REQUEST, RESPONSE> accessor) {
    return new ServletRequestTracerBuilder<>(openTelemetry, instrumentationName, accessor);
  }

  /**
   * Called on entering a filter or servlet. Returns what {@link #exit} needs, or null when this
   * entry has nothing to do with it (tracing is off, or another copy of this code traces the
   * request).
   */
  @Nullable
  public ServletDispatch enter(REQUEST request, RESPONSE response) {
    Object existing = accessor.getAttribute(request, TRACED_REQUEST_ATTRIBUTE);
    if (existing != null) {
      return existing instanceof TracedRequest ? resume((TracedRequest<?, ?>) existing) : null;
    }
    Context parentContext = Context.root();
    if (!instrumenter.shouldStart(parentContext, request)) {
      return null;
    }
    Context context = instrumenter.start(parentContext, request);
    TracedRequest<REQUEST, RESPONSE> tracedRequest =
        new TracedRequest<>(instrumenter, accessor, context, request, response);
    accessor.setAttribute(request, TRACED_REQUEST_ATTRIBUTE, tracedRequest);
    return new ServletDispatch(tracedRequest, context.makeCurrent(), true);
  }

  /**
   * Called on leaving the filter or servlet that {@code dispatch} entered, with what it threw. The
   * entry that started the span ends it, unless the request has gone asynchronous, in which case
   * the container's completion callback will.
   */
  public void exit(@Nullable ServletDispatch dispatch, @Nullable Throwable error) {
    if (dispatch == null) {
      return;
    }
    Scope scope = dispatch.scope();
    if (scope != null) {
      scope.close();
    }
    if (!dispatch.startedSpan()) {
      if (error != null) {
        dispatch.tracedRequest().innerFailed(error);
      }
      return;
    }
    @SuppressWarnings("unchecked") // enter only pairs a dispatch with this tracer's own requests
    TracedRequest<REQUEST, RESPONSE> tracedRequest =
        (TracedRequest<REQUEST, RESPONSE>) dispatch.tracedRequest();
    REQUEST request = tracedRequest.request();
    if (error == null
        && accessor.isAsyncStarted(request)
        && accessor.addAsyncListener(request, tracedRequest.response(), tracedRequest)) {
      return;
    }
    tracedRequest.end(error);
  }

  /**
   * The request's context made current again, or, where it already is (a nested entry), only a
   * note to collect what the entry throws.
   */
  private static ServletDispatch resume(TracedRequest<?, ?> tracedRequest) {
    Span serverSpan = Span.fromContext(tracedRequest.context());
    if (LocalRootSpan.fromContextOrNull(Context.current()) == serverSpan) {
      return tracedRequest.nestedDispatch();
    }
    return new ServletDispatch(tracedRequest, tracedRequest.context().makeCurrent(), false);
  }
}
