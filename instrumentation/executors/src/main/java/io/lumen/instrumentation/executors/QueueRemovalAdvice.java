package io.lumen.instrumentation.executors;

import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.remove(Runnable)} with the task the application executed, when the
 * queue holds the wrapper that carries the task's context: removes the wrapper, so that {@code
 * remove} works as it does without the agent.
 */
public final class QueueRemovalAdvice {

  private QueueRemovalAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static boolean onExit(
      @Advice.This ThreadPoolExecutor executor,
      @Advice.Argument(0) Runnable task,
      @Advice.Return boolean removed) {
    if (removed || task == null || TaskSubmission.isWrapper(task)) {
      return removed;
    }
    for (Runnable queued : executor.getQueue()) {
      if (TaskSubmission.unwrap(queued) == task && queued != task) {
        return executor.remove(queued);
      }
    }
    return false;
  }
}
