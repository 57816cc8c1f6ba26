package io.lumen.instrumentation.jdbc.agent;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/**
 * {@code executeBatch()}: one CLIENT span for the whole batch, with {@code
 * db.operation.batch.size}. The batch is empty afterwards, as JDBC specifies, whether it succeeded
 * or not.
 */
public final class ExecuteBatchAdvice {

  private ExecuteBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(@Advice.This Statement statement) {
    return JdbcSingletons.startBatch(statement);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This Statement statement,
      @Advice.Enter Object[] call,
      @Advice.Thrown Throwable error) {
    JdbcSingletons.clearBatch(statement);
    JdbcSingletons.end(call, error);
  }
}
