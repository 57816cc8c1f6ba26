package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/**
 * One span per execute, current while the client works (so nested clients are suppressed and sent
 * requests are counted), ended when the response head is in or with the failure.
 */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  /** Returns {span context, scope, request}, or null when there is no span. */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
    Instrumenter<ApacheHttpClient4Request, HttpResponse> instrumenter =
        ApacheHttpClient4Singletons.instrumenter();
    Context parentContext = Context.current();
    ApacheHttpClient4Request exchange = new ApacheHttpClient4Request(target, request);
    if (!instrumenter.shouldStart(parentContext, exchange)) {
      return null;
    }
    Context context = instrumenter.start(parentContext, exchange);
    return new Object[] {context, context.makeCurrent(), exchange};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] state,
      @Advice.Return HttpResponse response,
      @Advice.Thrown Throwable error) {
    if (state == null) {
      return;
    }
    ((Scope) state[1]).close();
    ApacheHttpClient4Singletons.instrumenter()
        .end(
            (Context) state[0],
            (ApacheHttpClient4Request) state[2],
            error == null ? response : null,
            error);
  }
}
