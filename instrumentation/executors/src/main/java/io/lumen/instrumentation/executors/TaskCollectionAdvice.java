package io.lumen.instrumentation.executors;

import java.util.Collection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code invokeAll} and {@code invokeAny} of executors that do not route them through an
 * instrumented {@code execute} ({@code ForkJoinPool}): every task takes the current context along.
 * These calls block until the tasks are done, so nothing is left to clean up afterwards.
 */
public final class TaskCollectionAdvice {

  private TaskCollectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  public static Collection<?> onEnter(@Advice.Argument(0) Collection<?> tasks) {
    return TaskSubmission.callables(tasks);
  }
}
