package io.lumen.instrumentation.javahttpclient.internal;

import io.lumen.instrumentation.httpclient.common.HttpClientRequestAttempts;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * The span of one {@code send} or {@code sendAsync}: what the library's client wrapper and the
 * agent's advice on the JDK client both do around a call. Internal: not for applications.
 *
 * <p>Telemetry failures are logged and swallowed; the request is sent regardless.
 */
public final class HttpSendTelemetry {

  private static final Logger logger = Logger.getLogger(HttpSendTelemetry.class.getName());

  private final Instrumenter<HttpRequest, HttpResponse<?>> instrumenter;
  private final ContextPropagators propagators;

  public HttpSendTelemetry(
      Instrumenter<HttpRequest, HttpResponse<?>> instrumenter, ContextPropagators propagators) {
    this.instrumenter = instrumenter;
    this.propagators = propagators;
  }

  /**
   * Starts the span of {@code request} under {@code parentContext}; null when there is to be none
   * (an enclosing client span exists, or telemetry failed).
   */
  @Nullable
  public Context start(Context parentContext, HttpRequest request) {
    try {
      if (!instrumenter.shouldStart(parentContext, request)) {
        return null;
      }
      return instrumenter.start(parentContext, request);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not start the client span; sending without it", e);
      return null;
    }
  }

  /** The request to send instead of {@code request}: the same, plus the trace headers. */
  public HttpRequest withContextHeaders(Context context, HttpRequest request) {
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      propagators.getTextMapPropagator().inject(context, headers, Map::put);
      return headers.isEmpty() ? request : new ContextHttpRequest(request, headers);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not add trace headers; sending the request as it was", e);
      return request;
    }
  }

  /**
   * Ends the span. The chain of {@linkplain HttpResponse#previousResponse() previous responses}
   * (redirects, authentication challenges) counts the requests that were sent.
   */
  public void end(
      Context context,
      HttpRequest request,
      @Nullable HttpResponse<?> response,
      @Nullable Throwable error) {
    try {
      for (HttpResponse<?> sent = response;
          sent != null;
          sent = sent.previousResponse().orElse(null)) {
        HttpClientRequestAttempts.recordAttempt(context);
      }
      instrumenter.end(context, request, response, unwrap(error));
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not end the client span", e);
    }
  }

  /**
   * Ends the span when {@code future} completes, without changing the future the application gets:
   * cancelling it still cancels the exchange.
   */
  public void endWhenComplete(
      Context context, HttpRequest request, CompletableFuture<? extends HttpResponse<?>> future) {
    future.whenComplete((response, error) -> end(context, request, response, error));
  }

  @Nullable
  private static Throwable unwrap(@Nullable Throwable error) {
    if (error instanceof CompletionException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }
}
