package io.lumen.instrumentation.apachehttpclient.v5_0;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Right after a classic client's protocol step: trace headers on, and a count of, every request
 * sent.
 */
final class RequestContextExecHandler implements ExecChainHandler {

  private final ExchangeSpans spans;

  RequestContextExecHandler(ExchangeSpans spans) {
    this.spans = spans;
  }

  @Override
  public ClassicHttpResponse execute(
      ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    spans.beforeSend(request, scope.clientContext);
    return chain.proceed(request, scope);
  }
}
