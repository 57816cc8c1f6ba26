package io.lumen.instrumentation.jdbc.agent;

import java.sql.PreparedStatement;
import net.bytebuddy.asm.Advice;

/** Remembers the query text of a prepared (or callable) statement for its executions. */
public final class PrepareStatementAdvice {

  private PrepareStatementAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Argument(0) String queryText, @Advice.Return PreparedStatement statement) {
    JdbcSingletons.rememberQueryText(statement, queryText);
  }
}
