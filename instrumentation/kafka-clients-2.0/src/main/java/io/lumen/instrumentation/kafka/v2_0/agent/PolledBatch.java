package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.v2_0.ConsumerInfo;
import io.opentelemetry.context.Context;
import javax.annotation.Nullable;

/** Attached to the records a poll returned: the consumer, and the poll's receive span if any. */
final class PolledBatch {

  final ConsumerInfo consumer;
  @Nullable final Context receiveContext;

  PolledBatch(ConsumerInfo consumer, @Nullable Context receiveContext) {
    this.consumer = consumer;
    this.receiveContext = receiveContext;
  }
}
