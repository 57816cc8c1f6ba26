package io.lumen.instrumentation.rabbitmq.v5_0.agent;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Registers a consumer that traces each delivery in place of the application's. */
public final class BasicConsumeAdvice {

  private BasicConsumeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(value = 6, typing = Assigner.Typing.DYNAMIC))
  public static Consumer onEnter(
      @Advice.This Channel channel, @Advice.Argument(6) Consumer consumer) {
    if (consumer == null) {
      return null;
    }
    return RabbitMqSingletons.telemetry().tracingConsumer(consumer, channel);
  }
}
