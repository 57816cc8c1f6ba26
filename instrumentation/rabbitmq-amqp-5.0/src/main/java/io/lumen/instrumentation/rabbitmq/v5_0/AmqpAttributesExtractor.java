package io.lumen.instrumentation.rabbitmq.v5_0;

import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_RABBITMQ_DESTINATION_ROUTING_KEY;
import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_RABBITMQ_MESSAGE_DELIVERY_TAG;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.semconv.ServerAttributes;
import java.net.InetAddress;
import javax.annotation.Nullable;

/**
 * The {@code messaging.rabbitmq.*} attributes, which the generic messaging extractor knows nothing
 * of, and the broker's address and port.
 */
enum AmqpAttributesExtractor implements AttributesExtractor<AmqpMessage, Void> {
  INSTANCE;

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, AmqpMessage message) {
    if (!message.routingKey().isEmpty()) {
      attributes.put(MESSAGING_RABBITMQ_DESTINATION_ROUTING_KEY, message.routingKey());
    }
    if (message.deliveryTag() != null) {
      attributes.put(MESSAGING_RABBITMQ_MESSAGE_DELIVERY_TAG, message.deliveryTag());
    }
    InetAddress broker = message.brokerAddress();
    if (broker != null) {
      attributes.put(ServerAttributes.SERVER_ADDRESS, broker.getHostAddress());
      if (message.brokerPort() > 0) {
        attributes.put(ServerAttributes.SERVER_PORT, (long) message.brokerPort());
      }
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      AmqpMessage message,
      @Nullable Void unused,
      @Nullable Throwable error) {}
}
