package io.lumen.instrumentation.jdbc.agent;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code PreparedStatement.addBatch()}: one more execution in the statement's batch. */
public final class AddPreparedBatchAdvice {

  private AddPreparedBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This Statement statement) {
    JdbcSingletons.batch(statement).addExecution();
  }
}
