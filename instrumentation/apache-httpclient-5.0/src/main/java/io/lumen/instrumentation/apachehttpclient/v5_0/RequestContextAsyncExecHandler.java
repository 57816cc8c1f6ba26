package io.lumen.instrumentation.apachehttpclient.v5_0;

import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * Right after an async client's protocol step: trace headers on, and a count of, every request
 * sent.
 */
final class RequestContextAsyncExecHandler implements AsyncExecChainHandler {

  private final ExchangeSpans spans;

  RequestContextAsyncExecHandler(ExchangeSpans spans) {
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
    spans.beforeSend(request, scope.clientContext);
    chain.proceed(request, entityProducer, scope, callback);
  }
}
