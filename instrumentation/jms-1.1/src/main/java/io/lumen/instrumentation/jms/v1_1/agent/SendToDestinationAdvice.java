package io.lumen.instrumentation.jms.v1_1.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.jms.Destination;
import javax.jms.Message;
import net.bytebuddy.asm.Advice;

/** {@code send(destination, message, ...)}: to the destination given. */
public final class SendToDestinationAdvice {

  private SendToDestinationAdvice() {}

  /** Returns {span context, scope}, or null when there is no span. */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Argument(0) Destination destination, @Advice.Argument(1) Message message) {
    Context context = JmsSingletons.telemetry().startSend(Context.current(), message, destination);
    return context == null ? null : new Object[] {context, context.makeCurrent()};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] state,
      @Advice.Argument(0) Destination destination,
      @Advice.Argument(1) Message message,
      @Advice.Thrown Throwable error) {
    if (state == null) {
      return;
    }
    ((Scope) state[1]).close();
    JmsSingletons.telemetry().endSend((Context) state[0], message, destination, error);
  }
}
