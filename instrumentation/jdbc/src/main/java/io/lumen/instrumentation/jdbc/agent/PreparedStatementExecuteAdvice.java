package io.lumen.instrumentation.jdbc.agent;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code PreparedStatement.execute*()}: a CLIENT span around the execution. */
public final class PreparedStatementExecuteAdvice {

  private PreparedStatementExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(@Advice.This Statement statement) {
    return JdbcSingletons.startStatement(statement, null);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] call, @Advice.Thrown Throwable error) {
    JdbcSingletons.end(call, error);
  }
}
