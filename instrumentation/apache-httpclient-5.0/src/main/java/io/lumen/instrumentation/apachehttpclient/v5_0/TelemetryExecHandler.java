package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * First in a classic client's exec chain: one span around the whole exchange, current while the
 * rest of the chain runs. It ends when the response head is in (the application reads the body
 * afterwards) or with the failure.
 */
final class TelemetryExecHandler implements ExecChainHandler {

  private final ExchangeSpans spans;

  TelemetryExecHandler(ExchangeSpans spans) {
    this.spans = spans;
  }

  @Override
  public ClassicHttpResponse execute(
      ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    Context context = spans.start(request, scope.route.getTargetHost(), scope.clientContext);
    if (context == null) {
      return chain.proceed(request, scope);
    }
    ClassicHttpResponse response;
    try (Scope ignored = context.makeCurrent()) {
      response = chain.proceed(request, scope);
    } catch (IOException | HttpException | RuntimeException | Error e) {
      spans.end(scope.clientContext, null, e);
      throw e;
    }
    spans.end(scope.clientContext, response, null);
    return response;
  }
}
