package io.lumen.instrumentation.rabbitmq.v5_0;

import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MessagingSystemIncubatingValues;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The messaging attributes of a message. Its destination is its exchange, as the RabbitMQ
 * conventions say: the empty string for the default exchange. Queues do not appear: a server-named
 * reply queue ({@code amq.gen-...}) is a new name for every client, and would make every span name
 * and metric series unique.
 */
enum AmqpAttributesGetter implements MessagingAttributesGetter<AmqpMessage, Void> {
  INSTANCE;

  @Override
  public String getSystem(AmqpMessage message) {
    return MessagingSystemIncubatingValues.RABBITMQ;
  }

  @Override
  public String getDestination(AmqpMessage message) {
    return message.exchange();
  }

  @Override
  @Nullable
  public String getDestinationTemplate(AmqpMessage message) {
    return null;
  }

  @Override
  public boolean isTemporaryDestination(AmqpMessage message) {
    return false;
  }

  @Override
  public boolean isAnonymousDestination(AmqpMessage message) {
    return false;
  }

  @Override
  @Nullable
  public String getConversationId(AmqpMessage message) {
    return message.properties() == null ? null : message.properties().getCorrelationId();
  }

  @Override
  @Nullable
  public Long getMessageBodySize(AmqpMessage message) {
    return message.body() == null ? null : (long) message.body().length;
  }

  @Override
  @Nullable
  public Long getMessageEnvelopeSize(AmqpMessage message) {
    return null;
  }

  @Override
  @Nullable
  public String getMessageId(AmqpMessage message, @Nullable Void unused) {
    return message.properties() == null ? null : message.properties().getMessageId();
  }

  @Override
  @Nullable
  public String getClientId(AmqpMessage message) {
    return null;
  }

  @Override
  @Nullable
  public Long getBatchMessageCount(AmqpMessage message, @Nullable Void unused) {
    return null;
  }

  @Override
  public List<String> getMessageHeader(AmqpMessage message, String name) {
    Object value = message.headers().get(name);
    return value == null
        ? Collections.<String>emptyList()
        : Collections.singletonList(value.toString());
  }
}
