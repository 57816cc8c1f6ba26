package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import io.lumen.instrumentation.spring.kafka.v2_7.ListenerInvocation;
import io.opentelemetry.context.Context;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code doInvokeBatchListener(records, ...)}: the batch's process span, current meanwhile. */
public final class BatchListenerAdvice {

  private BatchListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object onEnter(@Advice.Argument(0) ConsumerRecords<?, ?> records) {
    return SpringKafkaSingletons.telemetry().startBatch(Context.current(), records);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object invocation, @Advice.Thrown Throwable error) {
    if (invocation instanceof ListenerInvocation) {
      ((ListenerInvocation<?>) invocation).end(error);
    }
  }
}
