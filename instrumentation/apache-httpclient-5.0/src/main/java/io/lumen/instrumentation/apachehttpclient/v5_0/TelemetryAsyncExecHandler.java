package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * First in an async client's exec chain: one span around the whole exchange, ended through the
 * exchange's callback when it completes or fails (on one of the client's I/O threads).
 */
final class TelemetryAsyncExecHandler implements AsyncExecChainHandler {

  private final ExchangeSpans spans;

  TelemetryAsyncExecHandler(ExchangeSpans spans) {
    this.spans = spans;
  }

  @Override
  public void execute(
      HttpRequest request,
      AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope,
      AsyncExecChain chain,
      AsyncExecCallback callback)
      throws HttpException, IOException {
    Context context = spans.start(request, scope.route.getTargetHost(), scope.clientContext);
    if (context == null) {
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    try (Scope ignored = context.makeCurrent()) {
      chain.proceed(
          request, entityProducer, scope, new EndingCallback(callback, spans, scope.clientContext));
    } catch (IOException | HttpException | RuntimeException | Error e) {
      spans.end(scope.clientContext, null, e);
      throw e;
    }
  }

  /** Passes everything on, and ends the span with the final response or the failure. */
  private static final class EndingCallback implements AsyncExecCallback {
    private final AsyncExecCallback delegate;
    private final ExchangeSpans spans;
    private final HttpClientContext clientContext;
    private volatile HttpResponse response;

    EndingCallback(
        AsyncExecCallback delegate, ExchangeSpans spans, HttpClientContext clientContext) {
      this.delegate = delegate;
      this.spans = spans;
      this.clientContext = clientContext;
    }

    @Override
    public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
        throws HttpException, IOException {
      this.response = response;
      return delegate.handleResponse(response, entityDetails);
    }

    @Override
    public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
      delegate.handleInformationResponse(response);
    }

    @Override
    public void completed() {
      spans.end(clientContext, response, null);
      delegate.completed();
    }

    @Override
    public void failed(Exception cause) {
      spans.end(clientContext, response, cause);
      delegate.failed(cause);
    }
  }
}
