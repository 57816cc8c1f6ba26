package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import io.lumen.instrumentation.kafka.common.ListenerContainerThread;
import net.bytebuddy.asm.Advice;

/**
 * {@code ListenerConsumer.run()}: the container's consumer thread runs marked as such, so that the
 * Kafka client's instrumentation leaves the records' process spans to the container's.
 */
public final class ListenerConsumerRunAdvice {

  private ListenerConsumerRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter() {
    ListenerContainerThread.enter();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    ListenerContainerThread.exit();
  }
}
