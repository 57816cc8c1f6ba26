package io.lumen.instrumentation.jms.v1_1;

import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MessagingSystemIncubatingValues;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Queue;
import javax.jms.TemporaryQueue;
import javax.jms.TemporaryTopic;
import javax.jms.Topic;

/**
 * The messaging attributes of a JMS message. A temporary queue or topic (a request-reply client's
 * reply queue) has a provider-generated name that is new for every connection: it is reported as
 * temporary, and the span name leaves it out.
 */
enum JmsAttributesGetter implements MessagingAttributesGetter<JmsMessage, Void> {
  INSTANCE;

  @Override
  public String getSystem(JmsMessage request) {
    return MessagingSystemIncubatingValues.JMS;
  }

  @Override
  @Nullable
  public String getDestination(JmsMessage request) {
    Destination destination = request.destination();
    try {
      if (destination instanceof Queue) {
        return ((Queue) destination).getQueueName();
      }
      if (destination instanceof Topic) {
        return ((Topic) destination).getTopicName();
      }
    } catch (JMSException | RuntimeException e) {
      return null;
    }
    return null;
  }

  @Override
  @Nullable
  public String getDestinationTemplate(JmsMessage request) {
    return null;
  }

  @Override
  public boolean isTemporaryDestination(JmsMessage request) {
    Destination destination = request.destination();
    return destination instanceof TemporaryQueue || destination instanceof TemporaryTopic;
  }

  @Override
  public boolean isAnonymousDestination(JmsMessage request) {
    return false;
  }

  @Override
  @Nullable
  public String getConversationId(JmsMessage request) {
    try {
      return request.message().getJMSCorrelationID();
    } catch (JMSException | RuntimeException e) {
      return null;
    }
  }

  @Override
  @Nullable
  public Long getMessageBodySize(JmsMessage request) {
    return null;
  }

  @Override
  @Nullable
  public Long getMessageEnvelopeSize(JmsMessage request) {
    return null;
  }

  /** Set by the provider during {@code send}, so read at the end. */
  @Override
  @Nullable
  public String getMessageId(JmsMessage request, @Nullable Void unused) {
    try {
      return request.message().getJMSMessageID();
    } catch (JMSException | RuntimeException e) {
      return null;
    }
  }

  @Override
  @Nullable
  public String getClientId(JmsMessage request) {
    return null;
  }

  @Override
  @Nullable
  public Long getBatchMessageCount(JmsMessage request, @Nullable Void unused) {
    return null;
  }

  @Override
  public List<String> getMessageHeader(JmsMessage request, String name) {
    String value = MessageProperties.property(request.message(), name);
    return value == null ? Collections.<String>emptyList() : Collections.singletonList(value);
  }
}
