package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import io.lumen.instrumentation.spring.kafka.v2_7.ListenerInvocation;
import net.bytebuddy.asm.Advice;

/**
 * {@code invokeOnMessage} / {@code invokeBatchOnMessage}: what the listener threw, before the
 * container's error handler sees it, fails the invocation's span. The exception itself goes on
 * unchanged.
 */
public final class ListenerFailureAdvice {

  private ListenerFailureAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Thrown Throwable error) {
    if (error == null) {
      return;
    }
    ListenerInvocation<?> invocation = ListenerInvocation.current();
    if (invocation != null) {
      invocation.listenerFailed(error);
    }
  }
}
