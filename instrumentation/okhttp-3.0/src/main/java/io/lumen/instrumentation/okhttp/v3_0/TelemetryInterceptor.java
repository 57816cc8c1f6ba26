package io.lumen.instrumentation.okhttp.v3_0;

import io.lumen.instrumentation.httpclient.common.HttpClientRequestAttempts;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application interceptor that wraps the rest of a call in a client span: one span per {@code
 * Call}, however many requests OkHttp sends to satisfy it. Redirects and authentication follow-ups
 * run inside it (they are counted from the response's prior responses); connection failures and
 * timeouts end it with the exception.
 *
 * <p>It must come first among the application interceptors, so that what follows sees the span as
 * current. The span ends when the response headers are in; the application reads the body
 * afterwards.
 */
final class TelemetryInterceptor implements Interceptor {

  private static final Logger logger = Logger.getLogger(TelemetryInterceptor.class.getName());

  private final Instrumenter<Request, Response> instrumenter;
  private final ContextPropagators propagators;

  TelemetryInterceptor(
      Instrumenter<Request, Response> instrumenter, ContextPropagators propagators) {
    this.instrumenter = instrumenter;
    this.propagators = propagators;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Context context = start(request);
    if (context == null) {
      return chain.proceed(request);
    }
    Response response;
    try (Scope ignored = context.makeCurrent()) {
      response = chain.proceed(withContextHeaders(context, request));
    } catch (Throwable t) {
      end(context, request, null, t);
      throw t;
    }
    end(context, request, response, null);
    return response;
  }

  @Nullable
  private Context start(Request request) {
    try {
      Context parentContext = CallContexts.parentOf(request);
      if (parentContext == null) {
        parentContext = Context.current();
      }
      if (!instrumenter.shouldStart(parentContext, request)) {
        return null;
      }
      return instrumenter.start(parentContext, request);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not start the client span; calling without it", e);
      return null;
    }
  }

  private Request withContextHeaders(Context context, Request request) {
    try {
      Request.Builder builder = request.newBuilder();
      propagators.getTextMapPropagator().inject(context, builder, Request.Builder::header);
      return builder.build();
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not add trace headers; calling with the request as it was", e);
      return request;
    }
  }

  private void end(
      Context context, Request request, @Nullable Response response, @Nullable Throwable error) {
    try {
      for (Response sent = response; sent != null; sent = sent.priorResponse()) {
        HttpClientRequestAttempts.recordAttempt(context);
      }
      instrumenter.end(context, request, response, error);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not end the client span", e);
    }
  }
}
