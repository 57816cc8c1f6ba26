package io.lumen.instrumentation.logback.mdc.v1_2.agent;

import ch.qos.logback.classic.spi.LoggingEvent;
import net.bytebuddy.asm.Advice;

/** Adds the current span's ids to the new event's MDC. */
public final class LoggingEventConstructorAdvice {

  private LoggingEventConstructorAdvice() {}

  // No onThrowable: a constructor that threw has no event to decorate.
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This LoggingEvent event) {
    LogbackMdcSingletons.correlation().addSpanIds(event);
  }
}
