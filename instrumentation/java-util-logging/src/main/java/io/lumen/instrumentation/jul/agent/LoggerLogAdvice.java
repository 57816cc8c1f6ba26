package io.lumen.instrumentation.jul.agent;

import io.lumen.instrumentation.logs.LogCaptureGuard;
import java.util.logging.LogRecord;
import net.bytebuddy.asm.Advice;

/**
 * Exports the record before the logger's handlers run, unless an outer logging call on this thread
 * already exported it. The logger is typed {@code Object}: see {@link
 * LoggerInstrumentation#JUL_LOGGER}.
 */
public final class LoggerLogAdvice {

  private LoggerLogAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.This Object logger, @Advice.Argument(0) LogRecord record) {
    if (LogCaptureGuard.enter() && record != null) {
      JavaUtilLoggingSingletons.emit(logger, record);
    }
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    LogCaptureGuard.exit();
  }
}
