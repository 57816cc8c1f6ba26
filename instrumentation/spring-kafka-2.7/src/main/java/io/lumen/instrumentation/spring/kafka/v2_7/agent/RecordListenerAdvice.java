package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import io.lumen.instrumentation.spring.kafka.v2_7.ListenerInvocation;
import io.opentelemetry.context.Context;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code doInvokeRecordListener(record, ...)}: the record's process span, current meanwhile. */
public final class RecordListenerAdvice {

  private RecordListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object onEnter(@Advice.Argument(0) ConsumerRecord<?, ?> record) {
    return SpringKafkaSingletons.telemetry().startRecord(Context.current(), record);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object invocation, @Advice.Thrown Throwable error) {
    if (invocation instanceof ListenerInvocation) {
      ((ListenerInvocation<?>) invocation).end(error);
    }
  }
}
