package io.lumen.instrumentation.executors;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code ThreadPoolExecutor.execute(Runnable)}, the one door of every task into a thread pool
 * ({@code submit}, {@code invokeAll} and {@code invokeAny} come through it as {@code FutureTask}s).
 *
 * <p>A lambda is wrapped, which a queue that orders tasks by their own type (a priority queue, or
 * any queue class of the application's) would notice: there, a lambda runs without context rather
 * than break the queue.
 */
public final class ThreadPoolExecuteAdvice {

  private ThreadPoolExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(
      @Advice.This ThreadPoolExecutor executor, @Advice.Argument(0) Runnable task) {
    BlockingQueue<Runnable> queue = executor.getQueue();
    boolean mayWrap =
        queue.getClass().getClassLoader() == null && !(queue instanceof PriorityBlockingQueue);
    return TaskSubmission.runnable(task, mayWrap);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] submitted, @Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      PropagatedContexts.clear(ExecuteAdvice.holder(submitted));
    }
  }
}
