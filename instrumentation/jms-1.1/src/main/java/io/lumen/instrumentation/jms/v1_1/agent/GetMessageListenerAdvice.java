package io.lumen.instrumentation.jms.v1_1.agent;

import io.lumen.instrumentation.jms.v1_1.JmsTelemetry;
import javax.jms.MessageListener;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Hands the application back the listener it registered, not the agent's stand-in. */
public final class GetMessageListenerAdvice {

  private GetMessageListenerAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static MessageListener onExit(@Advice.Return MessageListener listener) {
    return listener == null ? null : JmsTelemetry.applicationListener(listener);
  }
}
