package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.opentelemetry.context.Context;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record the application processes, with the consumer that polled it and the receive span of
 * that poll (null when there was none): the request of a process span, whether this module's (one
 * turn of a loop over polled records) or a framework's (a listener invoked with the record).
 */
public final class ReceivedRecord {

  private final ConsumerRecord<?, ?> record;
  private final ConsumerInfo consumer;
  @Nullable private final Context receiveContext;

  public ReceivedRecord(
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
