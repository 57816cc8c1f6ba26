package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.opentelemetry.context.Context;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one partition ({@code ConsumerRecords.records(TopicPartition)}): reading them by
 * index or in bulk is no loop we can follow, so only iteration opens process spans.
 */
final class ProcessingList<K, V> extends AbstractList<ConsumerRecord<K, V>> {

  private final List<ConsumerRecord<K, V>> delegate;
  private final KafkaTelemetry telemetry;
  private final ConsumerInfo consumer;
  @Nullable private final Context receiveContext;

  ProcessingList(
      List<ConsumerRecord<K, V>> delegate,
      KafkaTelemetry telemetry,
      ConsumerInfo consumer,
      @Nullable Context receiveContext) {
    this.delegate = delegate;
    this.telemetry = telemetry;
    this.consumer = consumer;
    this.receiveContext = receiveContext;
  }

  @Override
  public ConsumerRecord<K, V> get(int index) {
    return delegate.get(index);
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> iterator() {
    return new ProcessingIterator<>(delegate.iterator(), telemetry, consumer, receiveContext);
  }
}
