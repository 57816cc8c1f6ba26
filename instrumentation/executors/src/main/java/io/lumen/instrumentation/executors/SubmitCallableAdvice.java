package io.lumen.instrumentation.executors;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The {@code Callable} counterpart of {@link SubmitRunnableAdvice}. */
public final class SubmitCallableAdvice {

  private SubmitCallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(@Advice.Argument(0) Callable<?> task) {
    return TaskSubmission.callable(task);
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
