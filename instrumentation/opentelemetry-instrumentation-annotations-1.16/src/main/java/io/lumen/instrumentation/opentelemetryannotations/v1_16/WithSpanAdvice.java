package io.lumen.instrumentation.opentelemetryannotations.v1_16;

import io.lumen.instrumentation.methods.TracedMethod;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * A {@code @WithSpan} method: a span of the declared kind around each call, current while the
 * method runs; for a method returning a {@code CompletableFuture}, ended when the future
 * completes.
 */
public final class WithSpanAdvice {

  private WithSpanAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Origin Method method, @Advice.AllArguments Object[] arguments) {
    WithSpanMethod withSpan = WithSpanSingletons.method(method);
    TracedMethod call = withSpan.call(arguments);
    Context parent = withSpan.inheritsContext() ? Context.current() : Context.root();
    Context context = WithSpanSingletons.spans().start(parent, call);
    if (context == null) {
      return null;
    }
    return new Object[] {call, context, context.makeCurrent()};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable error) {
    if (call == null) {
      return;
    }
    ((Scope) call[2]).close();
    WithSpanSingletons.spans().end((Context) call[1], (TracedMethod) call[0], result, error);
  }
}
