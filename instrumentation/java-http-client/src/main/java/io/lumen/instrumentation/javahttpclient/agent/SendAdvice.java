package io.lumen.instrumentation.javahttpclient.agent;

import io.lumen.instrumentation.javahttpclient.internal.HttpSendTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code HttpClientImpl.send}: starts the span, sends the request with the trace headers instead of
 * the application's, and ends the span with the response or the exception.
 */
public final class SendAdvice {

  private SendAdvice() {}

  /**
   * Returns {request to send, span context, scope, application's request}; only the first element
   * when there is no span.
   */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 0,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(@Advice.Argument(0) HttpRequest request) {
    HttpSendTelemetry telemetry = JavaHttpClientSingletons.telemetry();
    Context context = telemetry.start(Context.current(), request);
    if (context == null) {
      return new Object[] {request};
    }
    HttpRequest toSend = telemetry.withContextHeaders(context, request);
    return new Object[] {toSend, context, context.makeCurrent(), request};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] state,
      @Advice.Return HttpResponse<?> response,
      @Advice.Thrown Throwable error) {
    if (state == null || state.length < 4) {
      return;
    }
    ((Scope) state[2]).close();
    JavaHttpClientSingletons.telemetry()
        .end((Context) state[1], (HttpRequest) state[3], error == null ? response : null, error);
  }
}
