package io.lumen.instrumentation.jedis.v4_0.agent;

import io.lumen.instrumentation.jedis.JedisSingletons;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.JedisSocketFactory;

/** {@code Connection.executeCommand(CommandObject)}: a span around the command's round trip. */
public final class ExecuteCommandAdvice {

  private ExecuteCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Argument(0) CommandObject<?> command,
      @Advice.FieldValue("socketFactory") JedisSocketFactory socketFactory) {
    return JedisSingletons.start(Jedis4Commands.of(command.getArguments(), socketFactory));
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] call, @Advice.Thrown Throwable error) {
    JedisSingletons.end(call, error);
  }
}
