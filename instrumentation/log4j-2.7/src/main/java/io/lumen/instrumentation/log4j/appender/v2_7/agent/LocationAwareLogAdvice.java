package io.lumen.instrumentation.log4j.appender.v2_7.agent;

import io.lumen.instrumentation.logs.LogCaptureGuard;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.Message;

/** {@code log(level, marker, fqcn, location, message, throwable)}, Log4j 2.13 and later. */
public final class LocationAwareLogAdvice {

  private LocationAwareLogAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(
      @Advice.This Logger logger,
      @Advice.Argument(0) Level level,
      @Advice.Argument(4) Message message,
      @Advice.Argument(5) Throwable thrown) {
    if (LogCaptureGuard.enter()) {
      Log4jAppenderSingletons.emit(logger, level, message, thrown);
    }
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    LogCaptureGuard.exit();
  }
}
