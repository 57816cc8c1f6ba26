package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import java.util.Set;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * What one {@code poll} returned, and from which consumer: the request of a receive span, and of
 * the process span of a framework that hands a whole batch to its listener at once.
 */
public final class PolledRecords {

  private final ConsumerRecords<?, ?> records;
  private final ConsumerInfo consumer;

  public PolledRecords(ConsumerRecords<?, ?> records, ConsumerInfo consumer) {
    this.records = records;
    this.consumer = consumer;
  }

  @SuppressWarnings("unchecked")
  Iterable<ConsumerRecord<?, ?>> records() {
    return (Iterable<ConsumerRecord<?, ?>>) (Iterable<?>) records;
  }

  int count() {
    return records.count();
  }

  ConsumerInfo consumer() {
    return consumer;
  }

  /** The topic, if every record came from the same one: a batch of several has no one name. */
  @Nullable
  String singleTopic() {
    String topic = null;
    for (TopicPartition partition : records.partitions()) {
      if (topic == null) {
        topic = partition.topic();
      } else if (!topic.equals(partition.topic())) {
        return null;
      }
    }
    return topic;
  }

  /** The partition, if every record came from the same one. */
  @Nullable
  String singlePartition() {
    Set<TopicPartition> partitions = records.partitions();
    return partitions.size() == 1
        ? String.valueOf(partitions.iterator().next().partition())
        : null;
  }
}
