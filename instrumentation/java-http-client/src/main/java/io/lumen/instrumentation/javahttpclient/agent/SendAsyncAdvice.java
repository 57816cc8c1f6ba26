package io.lumen.instrumentation.javahttpclient.agent;

import io.lumen.instrumentation.javahttpclient.internal.HttpSendTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code HttpClientImpl.sendAsync}: starts the span and sends with the trace headers like {@link
 * SendAdvice}, and ends the span when the returned future completes. The application gets the
 * client's own future, untouched.
 */
public final class SendAsyncAdvice {

  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 0,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(@Advice.Argument(0) HttpRequest request) {
    return SendAdvice.onEnter(request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] state,
      @Advice.Return CompletableFuture<? extends HttpResponse<?>> future,
      @Advice.Thrown Throwable error) {
    if (state == null || state.length < 4) {
      return;
    }
    ((Scope) state[2]).close();
    HttpSendTelemetry telemetry = JavaHttpClientSingletons.telemetry();
    Context context = (Context) state[1];
    HttpRequest request = (HttpRequest) state[3];
    if (error != null || future == null) {
      telemetry.end(context, request, null, error);
    } else {
      telemetry.endWhenComplete(context, request, future);
    }
  }
}
