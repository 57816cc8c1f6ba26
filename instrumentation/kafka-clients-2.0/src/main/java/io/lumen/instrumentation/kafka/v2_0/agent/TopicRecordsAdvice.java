package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.PolledBatch;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.records(String topic)}: iterating the result opens process spans. */
public final class TopicRecordsAdvice {

  private TopicRecordsAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Iterable<ConsumerRecord<Object, Object>> onExit(
      @Advice.This ConsumerRecords<Object, Object> records,
      @Advice.Return Iterable<ConsumerRecord<Object, Object>> topicRecords) {
    PolledBatch batch = KafkaSingletons.BATCHES.get(records);
    if (batch == null || topicRecords == null) {
      return topicRecords;
    }
    return KafkaSingletons.telemetry()
        .processEach(topicRecords, batch.consumer(), batch.receiveContext());
  }
}
