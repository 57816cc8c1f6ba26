package io.lumen.instrumentation.jms.v1_1.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.jms.Message;
import net.bytebuddy.asm.Advice;

/** Processes a message inside a span whose parent is the span that sent it. */
public final class OnMessageAdvice {

  private OnMessageAdvice() {}

  /** Returns {span context, scope}, or null when there is no span. */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(@Advice.Argument(0) Message message) {
    if (message == null) {
      return null;
    }
    Context context = JmsSingletons.telemetry().startProcess(Context.current(), message);
    return context == null ? null : new Object[] {context, context.makeCurrent()};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] state,
      @Advice.Argument(0) Message message,
      @Advice.Thrown Throwable error) {
    if (state == null) {
      return;
    }
    ((Scope) state[1]).close();
    JmsSingletons.telemetry().endProcess((Context) state[0], message, error);
  }
}
