package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.lumen.instrumentation.httpclient.common.HttpClientRequestAttempts;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * What the exec chain handlers of one telemetry do for an exchange, classic or async.
 *
 * <p>Two handlers take part. The first in the chain, ahead of redirects, retries and
 * authentication, starts the span of the whole exchange and leaves its context in the exchange's
 * {@link HttpClientContext}, under a name unique to this telemetry. The second, right after the
 * protocol step (so on every request that goes out, redirected, retried or re-authenticated ones
 * included), writes that context into the request's headers and counts the request. Headers are
 * written there, not by the first handler, because the client builds redirected requests from the
 * application's original request, not from the one the first handler passes on.
 */
final class ExchangeSpans {

  private static final Logger logger = Logger.getLogger(ExchangeSpans.class.getName());
  private static final AtomicInteger ids = new AtomicInteger();

  private final Instrumenter<ApacheHttpClientRequest, HttpResponse> instrumenter;
  private final ContextPropagators propagators;
  private final String contextAttribute;

  ExchangeSpans(
      Instrumenter<ApacheHttpClientRequest, HttpResponse> instrumenter,
      ContextPropagators propagators) {
    this.instrumenter = instrumenter;
    this.propagators = propagators;
    this.contextAttribute = "io.lumen.apache-httpclient-5.0.context." + ids.incrementAndGet();
  }

  /** A name for this telemetry's handlers in the client's exec chain. */
  String handlerName(String role) {
    return contextAttribute + "." + role;
  }

  /** Starts the exchange's span, or returns null when there is to be none. */
  @Nullable
  Context start(HttpRequest request, @Nullable HttpHost target, HttpClientContext clientContext) {
    try {
      Context parentContext = Context.current();
      ApacheHttpClientRequest exchangeRequest = new ApacheHttpClientRequest(request, target);
      if (!instrumenter.shouldStart(parentContext, exchangeRequest)) {
        return null;
      }
      Context context = instrumenter.start(parentContext, exchangeRequest);
      clientContext.setAttribute(contextAttribute, new Exchange(context, exchangeRequest));
      return context;
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not start the client span; executing without it", e);
      return null;
    }
  }

  /** A request is about to go out for the exchange: add the trace headers and count it. */
  void beforeSend(HttpRequest request, HttpClientContext clientContext) {
    try {
      Object exchange = clientContext.getAttribute(contextAttribute);
      if (!(exchange instanceof Exchange)) {
        return;
      }
      Exchange current = (Exchange) exchange;
      if (current.lastSent == request) {
        return; // the same handlers added to the chain twice
      }
      current.lastSent = request;
      Context context = current.context;
      HttpClientRequestAttempts.recordAttempt(context);
      propagators.getTextMapPropagator().inject(context, request, HttpRequest::setHeader);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not add trace headers", e);
    }
  }

  /** Ends the exchange's span, once. */
  void end(
      HttpClientContext clientContext, @Nullable HttpResponse response, @Nullable Throwable error) {
    try {
      Object exchange = clientContext.removeAttribute(contextAttribute);
      if (exchange instanceof Exchange) {
        Exchange ended = (Exchange) exchange;
        instrumenter.end(ended.context, ended.request, response, error);
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not end the client span", e);
    }
  }

  private static final class Exchange {
    final Context context;
    final ApacheHttpClientRequest request;
    volatile HttpRequest lastSent;

    Exchange(Context context, ApacheHttpClientRequest request) {
      this.context = context;
      this.request = request;
    }
  }
}
