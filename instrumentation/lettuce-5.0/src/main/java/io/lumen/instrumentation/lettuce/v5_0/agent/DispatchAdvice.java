package io.lumen.instrumentation.lettuce.v5_0.agent;

import io.lettuce.core.protocol.RedisCommand;
import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;

/**
 * {@code RedisChannelHandler.dispatch(RedisCommand)}: starts the command's span. The span stays
 * open after the dispatch returns, until the command completes; a dispatch that throws ends it.
 */
public final class DispatchAdvice {

  private DispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object onEnter(@Advice.Argument(0) RedisCommand<?, ?, ?> command) {
    return LettuceSingletons.dispatch(command);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Argument(0) RedisCommand<?, ?, ?> command,
      @Advice.Enter Object scope,
      @Advice.Thrown Throwable error) {
    if (scope == null) {
      return;
    }
    ((Scope) scope).close();
    if (error != null) {
      LettuceSingletons.failed(command, error);
    }
  }
}
