package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.PolledBatch;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.records(TopicPartition)}: iterating the list opens process spans. */
public final class PartitionRecordsAdvice {

  private PartitionRecordsAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static List<ConsumerRecord<Object, Object>> onExit(
      @Advice.This ConsumerRecords<Object, Object> records,
      @Advice.Return List<ConsumerRecord<Object, Object>> partitionRecords) {
    PolledBatch batch = KafkaSingletons.BATCHES.get(records);
    if (batch == null || partitionRecords == null) {
      return partitionRecords;
    }
    return KafkaSingletons.telemetry()
        .processEach(partitionRecords, batch.consumer(), batch.receiveContext());
  }
}
