package io.lumen.instrumentation.jedis.v4_0.agent;

import io.lumen.instrumentation.jedis.JedisSingletons;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.JedisSocketFactory;

/**
 * {@code Connection.sendCommand(CommandArguments)} outside {@code executeCommand}: a pipelined or
 * transaction command, whose reply is read later; the span covers writing it.
 */
public final class SendCommandAdvice {

  private SendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Argument(0) CommandArguments arguments,
      @Advice.FieldValue("socketFactory") JedisSocketFactory socketFactory) {
    return JedisSingletons.start(Jedis4Commands.of(arguments, socketFactory));
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] call, @Advice.Thrown Throwable error) {
    JedisSingletons.end(call, error);
  }
}
