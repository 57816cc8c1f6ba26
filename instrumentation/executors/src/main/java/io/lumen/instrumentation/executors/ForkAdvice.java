package io.lumen.instrumentation.executors;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinTask.fork()}: a forked subtask, such as a parallel stream's, runs in the context
 * of the task (or thread) that forked it, on whichever worker steals it.
 */
public final class ForkAdvice {

  private ForkAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static AtomicReference<?> onEnter(@Advice.This ForkJoinTask<?> task) {
    return TaskSubmission.task(task);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter AtomicReference<?> holder, @Advice.Thrown Throwable thrown) {
    if (thrown != null && holder != null) {
      holder.set(null);
    }
  }
}
