package io.lumen.instrumentation.executors;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinPool.execute/submit/invoke(ForkJoinTask)}: the task carries the current context
 * into {@code exec}.
 */
public final class ForkJoinTaskSubmitAdvice {

  private ForkJoinTaskSubmitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static AtomicReference<?> onEnter(@Advice.Argument(0) ForkJoinTask<?> task) {
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
