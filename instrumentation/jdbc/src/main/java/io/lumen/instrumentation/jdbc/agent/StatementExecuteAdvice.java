package io.lumen.instrumentation.jdbc.agent;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.execute*(String...)}: a CLIENT span around the execution. */
public final class StatementExecuteAdvice {

  private StatementExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(
      @Advice.This Statement statement, @Advice.Argument(0) String queryText) {
    return JdbcSingletons.startStatement(statement, queryText);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] call, @Advice.Thrown Throwable error) {
    JdbcSingletons.end(call, error);
  }
}
