package io.lumen.instrumentation.log4j.appender.v2_7.agent;

import io.lumen.instrumentation.logs.LogCaptureGuard;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.Message;

/** {@code logMessage(fqcn, level, marker, message, throwable)}. */
public final class LogMessageAdvice {

  private LogMessageAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(
      @Advice.This Logger logger,
      @Advice.Argument(1) Level level,
      @Advice.Argument(3) Message message,
      @Advice.Argument(4) Throwable thrown) {
    if (LogCaptureGuard.enter()) {
      Log4jAppenderSingletons.emit(logger, level, message, thrown);
    }
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    LogCaptureGuard.exit();
  }
}
