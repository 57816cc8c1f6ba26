package io.lumen.instrumentation.logback.appender.v1_2.agent;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.lumen.instrumentation.logs.LogCaptureGuard;
import net.bytebuddy.asm.Advice;

/**
 * Exports the event before logback's appenders run, unless an outer logging call on this thread
 * (java.util.logging or Log4j forwarding to logback) already exported it.
 */
public final class CallAppendersAdvice {

  private CallAppendersAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) ILoggingEvent event) {
    if (LogCaptureGuard.enter()) {
      LogbackAppenderSingletons.mapper().emit(event);
    }
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    LogCaptureGuard.exit();
  }
}
