package io.lumen.instrumentation.kafka.common;

import io.opentelemetry.context.Context;
import javax.annotation.Nullable;

/** What a poll that returned records leaves behind: the consumer, and the poll's receive span. */
public final class PolledBatch {

  private final ConsumerInfo consumer;
  @Nullable private final Context receiveContext;

  public PolledBatch(ConsumerInfo consumer, @Nullable Context receiveContext) {
    this.consumer = consumer;
    this.receiveContext = receiveContext;
  }

  public ConsumerInfo consumer() {
    return consumer;
  }

  /** The context of the poll's receive span; null when receive spans are off or not sampled. */
  @Nullable
  public Context receiveContext() {
    return receiveContext;
  }
}
