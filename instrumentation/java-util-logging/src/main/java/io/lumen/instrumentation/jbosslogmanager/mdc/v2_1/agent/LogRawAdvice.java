package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.agent;

import net.bytebuddy.asm.Advice;
import org.jboss.logmanager.ExtLogRecord;

/** Adds the current span's ids to the record's MDC. */
public final class LogRawAdvice {

  private LogRawAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) ExtLogRecord record) {
    if (record != null) {
      JbossLogManagerMdcSingletons.correlation().addSpanIds(record);
    }
  }
}
