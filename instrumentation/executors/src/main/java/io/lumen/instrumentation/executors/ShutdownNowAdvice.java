package io.lumen.instrumentation.executors;

import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.shutdownNow()} returns the tasks that never ran: the application's
 * own, not the wrappers that carried their context.
 */
public final class ShutdownNowAdvice {

  private ShutdownNowAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.Return List<Runnable> neverRan) {
    if (neverRan == null) {
      return;
    }
    for (int i = 0; i < neverRan.size(); i++) {
      Object task = neverRan.get(i);
      Object unwrapped = TaskSubmission.unwrap(task);
      if (unwrapped != task) {
        neverRan.set(i, (Runnable) unwrapped);
      }
    }
  }
}
