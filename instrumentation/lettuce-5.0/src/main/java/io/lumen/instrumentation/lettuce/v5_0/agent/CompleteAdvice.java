package io.lumen.instrumentation.lettuce.v5_0.agent;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** {@code RedisCommand.complete()}: the reply arrived (an error reply too); ends the span. */
public final class CompleteAdvice {

  private CompleteAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.This RedisCommand<?, ?, ?> command) {
    LettuceSingletons.completed(command);
  }
}
