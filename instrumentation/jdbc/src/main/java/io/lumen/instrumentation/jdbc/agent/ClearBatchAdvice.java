package io.lumen.instrumentation.jdbc.agent;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.clearBatch()}. */
public final class ClearBatchAdvice {

  private ClearBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This Statement statement) {
    JdbcSingletons.clearBatch(statement);
  }
}
