package io.lumen.instrumentation.executors;

import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;

/**
 * {@code run}, {@code call} and {@code exec} of tasks: the context the task was submitted in is
 * current while it runs, and the thread's own context is back when it returns or throws, so
 * nothing of one request stays on a pool thread for the next task.
 */
public final class TaskRunAdvice {

  private TaskRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object onEnter(@Advice.This Object task) {
    return PropagatedContexts.makeCurrent(task);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object scope) {
    if (scope != null) {
      ((Scope) scope).close();
    }
  }
}
