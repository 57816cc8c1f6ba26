package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.opentelemetry.context.Context;
import java.util.Iterator;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Iterates polled records, opening a process span for each record handed out and ending it when
 * the next is taken or the records run out (see {@link ProcessingOnThread}).
 */
final class ProcessingIterator<K, V> implements Iterator<ConsumerRecord<K, V>> {

  private final Iterator<ConsumerRecord<K, V>> delegate;
  private final KafkaTelemetry telemetry;
  private final ConsumerInfo consumer;
  @Nullable private final Context receiveContext;

  ProcessingIterator(
      Iterator<ConsumerRecord<K, V>> delegate,
      KafkaTelemetry telemetry,
      ConsumerInfo consumer,
      @Nullable Context receiveContext) {
    this.delegate = delegate;
    this.telemetry = telemetry;
    this.consumer = consumer;
    this.receiveContext = receiveContext;
  }

  @Override
  public boolean hasNext() {
    boolean hasNext = delegate.hasNext();
    if (!hasNext) {
      KafkaTelemetry.endProcessing();
    }
    return hasNext;
  }

  @Override
  public ConsumerRecord<K, V> next() {
    // Ends the previous record's span even when next() throws: that record's turn is over.
    KafkaTelemetry.endProcessing();
    ConsumerRecord<K, V> record = delegate.next();
    telemetry.startProcessing(record, consumer, receiveContext);
    return record;
  }

  @Override
  public void remove() {
    delegate.remove();
  }
}
