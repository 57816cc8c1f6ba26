package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MessagingSystemIncubatingValues;
import javax.annotation.Nullable;

/**
 * The messaging attributes of a poll: a topic only if all its records share one (otherwise the span
 * is named just {@code poll}), and the number of records.
 */
enum KafkaReceiveAttributesGetter implements MessagingAttributesGetter<PolledRecords, Void> {
  INSTANCE;

  @Override
  public String getSystem(PolledRecords request) {
    return MessagingSystemIncubatingValues.KAFKA;
  }

  @Override
  @Nullable
  public String getDestination(PolledRecords request) {
    return request.singleTopic();
  }

  @Override
  @Nullable
  public String getDestinationTemplate(PolledRecords request) {
    return null;
  }

  @Override
  public boolean isTemporaryDestination(PolledRecords request) {
    return false;
  }

  @Override
  public boolean isAnonymousDestination(PolledRecords request) {
    return false;
  }

  @Override
  @Nullable
  public String getConversationId(PolledRecords request) {
    return null;
  }

  @Override
  @Nullable
  public Long getMessageBodySize(PolledRecords request) {
    return null;
  }

  @Override
  @Nullable
  public Long getMessageEnvelopeSize(PolledRecords request) {
    return null;
  }

  @Override
  @Nullable
  public String getMessageId(PolledRecords request, @Nullable Void unused) {
    return null;
  }

  @Override
  @Nullable
  public String getClientId(PolledRecords request) {
    return request.consumer().clientId();
  }

  @Override
  public Long getBatchMessageCount(PolledRecords request, @Nullable Void unused) {
    return (long) request.count();
  }

  @Override
  @Nullable
  public String getDestinationPartitionId(PolledRecords request) {
    return request.singlePartition();
  }
}
