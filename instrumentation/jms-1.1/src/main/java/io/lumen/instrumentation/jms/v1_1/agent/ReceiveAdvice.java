package io.lumen.instrumentation.jms.v1_1.agent;

import io.lumen.instrumentation.jms.v1_1.ReceiveNesting;
import io.opentelemetry.context.Context;
import java.time.Instant;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import net.bytebuddy.asm.Advice;

/** A {@code receive} that returned a message is recorded as a receive span from its start. */
public final class ReceiveAdvice {

  private ReceiveAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Instant onEnter() {
    ReceiveNesting.enter();
    return Instant.now();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This MessageConsumer consumer,
      @Advice.Enter Instant startTime,
      @Advice.Return Message message,
      @Advice.Thrown Throwable error) {
    if (!ReceiveNesting.exitOutermost() || error != null || message == null || startTime == null) {
      return;
    }
    JmsSingletons.telemetry().recordReceive(Context.current(), consumer, message, startTime);
  }
}
