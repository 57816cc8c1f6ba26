package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.semconv.incubating.MessagingIncubatingAttributes.MessagingSystemIncubatingValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * The messaging attributes of a record being sent. The partition is known only once the broker has
 * the record ({@link KafkaRecordAttributesExtractor} adds it then); Kafka has no message ids, the
 * offset stands in for one.
 */
enum KafkaProducerAttributesGetter
    implements MessagingAttributesGetter<ProducerRecord<?, ?>, RecordMetadata> {
  INSTANCE;

  @Override
  public String getSystem(ProducerRecord<?, ?> record) {
    return MessagingSystemIncubatingValues.KAFKA;
  }

  @Override
  public String getDestination(ProducerRecord<?, ?> record) {
    return record.topic();
  }

  @Override
  @Nullable
  public String getDestinationTemplate(ProducerRecord<?, ?> record) {
    return null;
  }

  @Override
  public boolean isTemporaryDestination(ProducerRecord<?, ?> record) {
    return false;
  }

  @Override
  public boolean isAnonymousDestination(ProducerRecord<?, ?> record) {
    return false;
  }

  @Override
  @Nullable
  public String getConversationId(ProducerRecord<?, ?> record) {
    return null;
  }

  @Override
  @Nullable
  public Long getMessageBodySize(ProducerRecord<?, ?> record) {
    return null;
  }

  @Override
  @Nullable
  public Long getMessageEnvelopeSize(ProducerRecord<?, ?> record) {
    return null;
  }

  @Override
  @Nullable
  public String getMessageId(ProducerRecord<?, ?> record, @Nullable RecordMetadata metadata) {
    return null;
  }

  @Override
  @Nullable
  public String getClientId(ProducerRecord<?, ?> record) {
    return null;
  }

  @Override
  @Nullable
  public Long getBatchMessageCount(ProducerRecord<?, ?> record, @Nullable RecordMetadata metadata) {
    return null;
  }

  /** The partition the application chose, if it chose one. */
  @Override
  @Nullable
  public String getDestinationPartitionId(ProducerRecord<?, ?> record) {
    Integer partition = record.partition();
    return partition == null ? null : String.valueOf(partition);
  }

  @Override
  public List<String> getMessageHeader(ProducerRecord<?, ?> record, String name) {
    return headerValues(record.headers().headers(name));
  }

  static List<String> headerValues(Iterable<Header> headers) {
    List<String> values = new ArrayList<>();
    for (Header header : headers) {
      if (header.value() != null) {
        values.add(new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
