package io.lumen.instrumentation.jdbc.agent;

import net.bytebuddy.asm.Advice;

/**
 * {@code DataSource.getConnection}: an INTERNAL span, inside a trace only, and only for the
 * outermost call when one data source calls another (a pool's calling the driver's).
 */
public final class GetConnectionAdvice {

  private GetConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(@Advice.This Object dataSource) {
    return DataSourceCalls.enter(dataSource.getClass());
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] call, @Advice.Thrown Throwable error) {
    DataSourceCalls.exit(call, error);
  }
}
