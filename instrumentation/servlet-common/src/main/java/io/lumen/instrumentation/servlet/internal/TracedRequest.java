package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;

/**
 * The server span of one request, kept in a request attribute from the moment the request enters
 * the first filter or servlet until its response is complete, however many dispatches that takes.
 *
 * <p>It is how later entries recognise the request: a forward or include on the same thread, an
 * asynchronous dispatch on another, an error dispatch after the span ended. All of them find it,
 * make its context current, and start nothing. The span ends exactly once: when the first dispatch
 * returns, or, if the request went asynchronous, when the container reports the last asynchronous
 * cycle complete.
 */
public final class TracedRequest<REQUEST, RESPONSE> {

  private static final int SERVER_ERROR = 500;

  private final Instrumenter<REQUEST, RESPONSE> instrumenter;
  private final ServletAccessor<REQUEST, RESPONSE> accessor;
  private final Context context;
  private final REQUEST request;
  private final RESPONSE response;
  private final ServletDispatch nestedDispatch;
  private final AtomicBoolean ended = new AtomicBoolean();
  @Nullable private volatile Throwable asyncError;
  @Nullable private volatile Throwable innerError;

  TracedRequest(
      Instrumenter<REQUEST, RESPONSE> instrumenter,
      ServletAccessor<REQUEST, RESPONSE> accessor,
      Context context,
      REQUEST request,
      RESPONSE response) {
    this.instrumenter = instrumenter;
    this.accessor = accessor;
    this.context = context;
    this.request = request;
    this.response = response;
    this.nestedDispatch = new ServletDispatch(this, null, false);
  }

  /** The context holding the server span, for dispatches that run on behalf of this request. */
  public Context context() {
    return context;
  }

  /** Called by the container's {@code AsyncListener#onError}: the error to end the span with. */
  public void asyncFailed(@Nullable Throwable error) {
    if (error != null) {
      asyncError = error;
    }
  }

  /**
   * Called by the container's {@code AsyncListener#onComplete}: the response is final. A timeout
   * needs no call of its own: the container completes the request with a 500 if the application
   * does not.
   */
  public void asyncCompleted() {
    end(asyncError);
  }

  /**
   * What a filter or servlet inside the span threw. A container catches it before it reaches the
   * entry that started the span (Tomcat's wrapper valve turns it into a 500), so it is kept here.
   */
  void innerFailed(Throwable error) {
    if (innerError == null) {
      innerError = error;
    }
  }

  void end(@Nullable Throwable error) {
    if (ended.compareAndSet(false, true)) {
      instrumenter.end(context, request, response, error != null ? error : innerErrorIfFailed());
    }
  }

  /**
   * The inner error, if the response says the request failed: an application that catches an
   * exception and answers normally has not failed.
   */
  @Nullable
  private Throwable innerErrorIfFailed() {
    Throwable error = innerError;
    if (error == null || accessor.getResponseStatus(response) < SERVER_ERROR) {
      return null;
    }
    return error;
  }

  /** The dispatch of every entry nested in one that already made this request's context current. */
  ServletDispatch nestedDispatch() {
    return nestedDispatch;
  }

  REQUEST request() {
    return request;
  }

  RESPONSE response() {
    return response;
  }
}
