package io.lumen.instrumentation.kafka.v2_0;

import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_CONSUMER_GROUP_NAME;
import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_DESTINATION_PARTITION_ID;
import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_KAFKA_MESSAGE_KEY;
import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_KAFKA_MESSAGE_TOMBSTONE;
import static io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MESSAGING_KAFKA_OFFSET;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import javax.annotation.Nullable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The {@code messaging.kafka.*} attributes, and the consumer group, which the generic messaging
 * extractor knows nothing of.
 *
 * <p>The key is recorded only when it is a string: other keys have no faithful text form, and a
 * serialized byte array would be noise.
 */
final class KafkaRecordAttributesExtractor {

  private KafkaRecordAttributesExtractor() {}

  /** Key and tombstone at the start; partition and offset once the broker has acknowledged. */
  static AttributesExtractor<ProducerRecord<?, ?>, RecordMetadata> send() {
    return new AttributesExtractor<ProducerRecord<?, ?>, RecordMetadata>() {
      @Override
      public void onStart(
          AttributesBuilder attributes, Context parentContext, ProducerRecord<?, ?> record) {
        putKey(attributes, record.key());
        if (record.value() == null) {
          attributes.put(MESSAGING_KAFKA_MESSAGE_TOMBSTONE, true);
        }
      }

      @Override
      public void onEnd(
          AttributesBuilder attributes,
          Context context,
          ProducerRecord<?, ?> record,
          @Nullable RecordMetadata metadata,
          @Nullable Throwable error) {
        if (metadata != null) {
          attributes.put(MESSAGING_DESTINATION_PARTITION_ID, String.valueOf(metadata.partition()));
          if (metadata.hasOffset()) {
            attributes.put(MESSAGING_KAFKA_OFFSET, metadata.offset());
          }
        }
      }
    };
  }

  static AttributesExtractor<PolledRecords, Void> receive() {
    return new AttributesExtractor<PolledRecords, Void>() {
      @Override
      public void onStart(AttributesBuilder attributes, Context parentContext, PolledRecords request) {
        attributes.put(MESSAGING_CONSUMER_GROUP_NAME, request.consumer().groupId());
      }

      @Override
      public void onEnd(
          AttributesBuilder attributes,
          Context context,
          PolledRecords request,
          @Nullable Void unused,
          @Nullable Throwable error) {}
    };
  }

  static AttributesExtractor<ReceivedRecord, Void> process() {
    return new AttributesExtractor<ReceivedRecord, Void>() {
      @Override
      public void onStart(AttributesBuilder attributes, Context parentContext, ReceivedRecord request) {
        attributes.put(MESSAGING_CONSUMER_GROUP_NAME, request.consumer().groupId());
        attributes.put(MESSAGING_KAFKA_OFFSET, request.record().offset());
        putKey(attributes, request.record().key());
        if (request.record().value() == null) {
          attributes.put(MESSAGING_KAFKA_MESSAGE_TOMBSTONE, true);
        }
      }

      @Override
      public void onEnd(
          AttributesBuilder attributes,
          Context context,
          ReceivedRecord request,
          @Nullable Void unused,
          @Nullable Throwable error) {}
    };
  }

  private static void putKey(AttributesBuilder attributes, @Nullable Object key) {
    if (key instanceof String) {
      attributes.put(MESSAGING_KAFKA_MESSAGE_KEY, (String) key);
    }
  }
}
