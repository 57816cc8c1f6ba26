package io.lumen.instrumentation.lettuce.v5_0.agent;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** {@code RedisCommand.cancel()}: nobody waits for the reply any more; ends the span, unfailed. */
public final class CancelAdvice {

  private CancelAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.This RedisCommand<?, ?, ?> command) {
    LettuceSingletons.failed(command, null);
  }
}
