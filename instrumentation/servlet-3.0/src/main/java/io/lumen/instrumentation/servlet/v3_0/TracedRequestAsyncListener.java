package io.lumen.instrumentation.servlet.v3_0;

import io.lumen.instrumentation.servlet.internal.TracedRequest;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;

/**
 * Ends a request's server span when the container reports its asynchronous processing complete.
 *
 * <p>A listener only hears about the asynchronous cycle it was added in; when a dispatch starts a
 * new cycle ({@code startAsync} again), it adds itself to that one, so that it hears the last.
 */
final class TracedRequestAsyncListener implements AsyncListener {

  private final TracedRequest<?, ?> tracedRequest;

  TracedRequestAsyncListener(TracedRequest<?, ?> tracedRequest) {
    this.tracedRequest = tracedRequest;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    tracedRequest.asyncCompleted();
  }

  @Override
  public void onError(AsyncEvent event) {
    tracedRequest.asyncFailed(event.getThrowable());
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // the container goes on to complete the request (with a 500 unless the application responds)
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    event
        .getAsyncContext()
        .addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
  }
}
