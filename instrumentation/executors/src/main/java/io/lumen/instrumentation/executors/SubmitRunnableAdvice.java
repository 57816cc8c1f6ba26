package io.lumen.instrumentation.executors;

import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code submit(Runnable...)} and {@code schedule(Runnable, ...)} of executors that do not route
 * them through an instrumented {@code execute}: the task takes the current context along, and the
 * returned future shares it, so cancelling the future forgets it.
 */
public final class SubmitRunnableAdvice {

  private SubmitRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(@Advice.Argument(0) Runnable task) {
    return TaskSubmission.runnable(task, true);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] submitted,
      @Advice.Return Object future,
      @Advice.Thrown Throwable thrown) {
    AtomicReference<io.opentelemetry.context.Context> holder = ExecuteAdvice.holder(submitted);
    if (thrown != null) {
      PropagatedContexts.clear(holder);
    } else if (holder != null && future != null) {
      PropagatedContexts.link(future, holder);
    }
  }
}
