package io.lumen.instrumentation.jdbc.agent;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.addBatch(String)}: the text joins the statement's batch. */
public final class AddBatchAdvice {

  private AddBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This Statement statement, @Advice.Argument(0) String queryText) {
    JdbcSingletons.batch(statement).add(queryText);
  }
}
