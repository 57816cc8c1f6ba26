package io.lumen.instrumentation.rabbitmq.v5_0.agent;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.opentelemetry.context.Context;
import java.time.Instant;
import net.bytebuddy.asm.Advice;

/** A {@code basicGet} that returned a message is recorded as a receive span from its start. */
public final class BasicGetAdvice {

  private BasicGetAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Instant onEnter() {
    return Instant.now();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This Channel channel,
      @Advice.Enter Instant startTime,
      @Advice.Return GetResponse response,
      @Advice.Thrown Throwable error) {
    if (error != null || response == null || startTime == null) {
      return;
    }
    RabbitMqSingletons.telemetry().recordGet(Context.current(), channel, response, startTime);
  }
}
