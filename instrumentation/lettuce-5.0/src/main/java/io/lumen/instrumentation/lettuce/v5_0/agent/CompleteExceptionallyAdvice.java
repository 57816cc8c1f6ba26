package io.lumen.instrumentation.lettuce.v5_0.agent;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** {@code RedisCommand.completeExceptionally(Throwable)}: the command failed; ends the span. */
public final class CompleteExceptionallyAdvice {

  private CompleteExceptionallyAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This RedisCommand<?, ?, ?> command, @Advice.Argument(0) Throwable error) {
    LettuceSingletons.failed(command, error);
  }
}
