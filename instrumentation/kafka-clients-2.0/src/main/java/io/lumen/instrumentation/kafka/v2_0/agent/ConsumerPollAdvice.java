package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.lumen.instrumentation.kafka.common.ListenerContainerThread;
import io.lumen.instrumentation.kafka.common.PolledBatch;
import io.lumen.instrumentation.kafka.v2_0.KafkaTelemetry;
import io.opentelemetry.context.Context;
import java.time.Instant;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * A poll ends the processing of the previous batch on this thread (a loop left early leaves its
 * last span open until then) and, when it returns records, is recorded as a receive span from its
 * start. The records remember their consumer and that span, for the process spans of the loop over
 * them; on a listener container's thread the container's instrumentation gets them instead, and
 * iterating the records opens no spans (see {@link ListenerContainerThread}).
 */
public final class ConsumerPollAdvice {

  private ConsumerPollAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Instant onEnter() {
    KafkaTelemetry.endProcessing();
    return Instant.now();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This Consumer<?, ?> consumer,
      @Advice.Enter Instant startTime,
      @Advice.Return ConsumerRecords<?, ?> records,
      @Advice.Thrown Throwable error) {
    if (error != null || records == null || records.isEmpty() || startTime == null) {
      return;
    }
    ConsumerInfo info = KafkaSingletons.CONSUMERS.get(consumer);
    if (info == null) {
      info = ConsumerInfo.UNKNOWN;
    }
    Context receiveContext =
        KafkaSingletons.telemetry().recordPoll(Context.current(), records, info, startTime);
    PolledBatch batch = new PolledBatch(info, receiveContext);
    ListenerContainerThread container = ListenerContainerThread.current();
    if (container != null && container.isContainerPolling()) {
      container.polled(batch);
    } else {
      KafkaSingletons.BATCHES.set(records, batch);
    }
  }
}
