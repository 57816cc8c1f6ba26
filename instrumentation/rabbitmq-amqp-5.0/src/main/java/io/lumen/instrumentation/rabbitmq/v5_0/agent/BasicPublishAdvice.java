package io.lumen.instrumentation.rabbitmq.v5_0.agent;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.lumen.instrumentation.rabbitmq.v5_0.AmqpMessage;
import io.lumen.instrumentation.rabbitmq.v5_0.RabbitMqTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Starts the publish span and publishes the message with the trace context added to its headers
 * (in a copy of its properties: the application's are immutable and may be shared).
 */
public final class BasicPublishAdvice {

  private BasicPublishAdvice() {}

  /** Returns {properties to publish, span context, message, scope}; one element if no span. */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @Advice.AssignReturned.ToArguments.ToArgument(
          value = 4,
          index = 0,
          typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(
      @Advice.This Channel channel,
      @Advice.Argument(0) String exchange,
      @Advice.Argument(1) String routingKey,
      @Advice.Argument(4) AMQP.BasicProperties properties,
      @Advice.Argument(5) byte[] body) {
    AmqpMessage message =
        RabbitMqTelemetry.publishing(channel, exchange, routingKey, properties, body);
    Context context = RabbitMqSingletons.telemetry().startPublish(Context.current(), message);
    if (context == null) {
      return new Object[] {properties};
    }
    return new Object[] {
      RabbitMqTelemetry.propertiesToSend(message), context, message, context.makeCurrent()
    };
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] state, @Advice.Thrown Throwable error) {
    if (state == null || state.length < 4) {
      return;
    }
    ((Scope) state[3]).close();
    RabbitMqSingletons.telemetry().endPublish((Context) state[1], (AmqpMessage) state[2], error);
  }
}
