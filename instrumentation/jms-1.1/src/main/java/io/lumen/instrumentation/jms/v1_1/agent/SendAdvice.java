package io.lumen.instrumentation.jms.v1_1.agent;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageProducer;
import net.bytebuddy.asm.Advice;

/** {@code send(message, ...)}: to the producer's own destination. */
public final class SendAdvice {

  private SendAdvice() {}

  /** Returns {span context, scope, destination}, or null when there is no span. */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.This MessageProducer producer, @Advice.Argument(0) Message message) {
    Destination destination;
    try {
      destination = producer.getDestination();
    } catch (JMSException e) {
      destination = null;
    }
    Context context = JmsSingletons.telemetry().startSend(Context.current(), message, destination);
    return context == null ? null : new Object[] {context, context.makeCurrent(), destination};
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
    JmsSingletons.telemetry()
        .endSend((Context) state[0], message, (Destination) state[2], error);
  }
}
