package io.lumen.instrumentation.methods.agent;

import io.lumen.instrumentation.methods.TracedMethod;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** A configured method: an INTERNAL span around each call. */
public final class MethodAdvice {

  private MethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Origin Class<?> declaringClass, @Advice.Origin("#m") String methodName) {
    TracedMethod method =
        TracedMethod.create(declaringClass, methodName, null, SpanKind.INTERNAL, Attributes.empty());
    Context context = MethodsSingletons.spans().start(Context.current(), method);
    if (context == null) {
      return null;
    }
    return new Object[] {method, context, context.makeCurrent()};
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
    MethodsSingletons.spans().end((Context) call[1], (TracedMethod) call[0], result, error);
  }
}
