package io.lumen.instrumentation.jms.v1_1.agent;

import javax.jms.MessageListener;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Registers a listener that processes each message inside a span, around the application's. */
public final class SetMessageListenerAdvice {

  private SetMessageListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  public static MessageListener onEnter(@Advice.Argument(0) MessageListener listener) {
    if (listener == null) {
      return null;
    }
    return JmsSingletons.telemetry().tracingListener(listener);
  }
}
