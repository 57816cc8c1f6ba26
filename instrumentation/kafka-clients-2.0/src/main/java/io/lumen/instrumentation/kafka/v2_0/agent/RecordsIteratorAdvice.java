package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.PolledBatch;
import java.util.Iterator;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.iterator()}: records of a traced poll come with process spans. */
public final class RecordsIteratorAdvice {

  private RecordsIteratorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Iterator<ConsumerRecord<Object, Object>> onExit(
      @Advice.This ConsumerRecords<Object, Object> records,
      @Advice.Return Iterator<ConsumerRecord<Object, Object>> iterator) {
    PolledBatch batch = KafkaSingletons.BATCHES.get(records);
    if (batch == null || iterator == null) {
      return iterator;
    }
    return KafkaSingletons.telemetry()
        .processEach(iterator, batch.consumer(), batch.receiveContext());
  }
}
