package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MessagingSystemIncubatingValues;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The messaging attributes of processing one received record. */
enum KafkaProcessAttributesGetter implements MessagingAttributesGetter<ReceivedRecord, Void> {
  INSTANCE;

  @Override
  public String getSystem(ReceivedRecord request) {
    return MessagingSystemIncubatingValues.KAFKA;
  }

  @Override
  public String getDestination(ReceivedRecord request) {
    return request.record().topic();
  }

  @Override
  @Nullable
  public String getDestinationTemplate(ReceivedRecord request) {
    return null;
  }

  @Override
  public boolean isTemporaryDestination(ReceivedRecord request) {
    return false;
  }

  @Override
  public boolean isAnonymousDestination(ReceivedRecord request) {
    return false;
  }

  @Override
  @Nullable
  public String getConversationId(ReceivedRecord request) {
    return null;
  }

  /** The serialized value's size; Kafka reports -1 for a null value. */
  @Override
  @Nullable
  public Long getMessageBodySize(ReceivedRecord request) {
    int size = request.record().serializedValueSize();
    return size < 0 ? null : (long) size;
  }

  @Override
  @Nullable
  public Long getMessageEnvelopeSize(ReceivedRecord request) {
    return null;
  }

  @Override
  @Nullable
  public String getMessageId(ReceivedRecord request, @Nullable Void unused) {
    return null;
  }

  @Override
  @Nullable
  public String getClientId(ReceivedRecord request) {
    return request.consumer().clientId();
  }

  @Override
  @Nullable
  public Long getBatchMessageCount(ReceivedRecord request, @Nullable Void unused) {
    return null;
  }

  @Override
  public String getDestinationPartitionId(ReceivedRecord request) {
    return String.valueOf(request.record().partition());
  }

  @Override
  public List<String> getMessageHeader(ReceivedRecord request, String name) {
    return KafkaProducerAttributesGetter.headerValues(request.record().headers().headers(name));
  }
}
