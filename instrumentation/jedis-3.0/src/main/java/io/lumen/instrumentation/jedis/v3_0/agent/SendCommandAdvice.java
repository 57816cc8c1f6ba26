package io.lumen.instrumentation.jedis.v3_0.agent;

import io.lumen.instrumentation.jedis.JedisSingletons;
import io.lumen.instrumentation.jedis.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.Connection;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * {@code Connection.sendCommand(ProtocolCommand, byte[]...)}. Jedis 3 reads the reply in a later,
 * separate call (or, pipelined, much later), so the span covers writing the command: what it
 * times is the send, and a reply error does not mark it.
 */
public final class SendCommandAdvice {

  private SendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.Argument(0) ProtocolCommand command,
      @Advice.Argument(1) byte[][] arguments,
      @Advice.This Connection connection) {
    return JedisSingletons.start(
        RedisCommand.of(
            new String(command.getRaw(), StandardCharsets.UTF_8),
            Arrays.asList((Object[]) arguments),
            connection.getHost(),
            connection.getPort()));
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] call, @Advice.Thrown Throwable error) {
    JedisSingletons.end(call, error);
  }
}
