package io.lumen.instrumentation.kafka.v2_0;

import io.opentelemetry.context.Context;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record the application processes, with the consumer that polled it and the receive span of
 * that poll (null when there was none): the request of a process span.
 */
final class ReceivedRecord {

  private final ConsumerRecord<?, ?> record;
  private final ConsumerInfo consumer;
  @Nullable private final Context receiveContext;

  ReceivedRecord(
      ConsumerRecord<?, ?> record, ConsumerInfo consumer, @Nullable Context receiveContext) {
    this.record = record;
    this.consumer = consumer;
    this.receiveContext = receiveContext;
  }

  ConsumerRecord<?, ?> record() {
    return record;
  }

  ConsumerInfo consumer() {
    return consumer;
  }

  @Nullable
  Context receiveContext() {
    return receiveContext;
  }
}
