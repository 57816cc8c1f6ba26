package io.lumen.instrumentation.executors;

import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code Executor.execute(Runnable)}: the task takes the current context along. */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(
      @ToArgument(value = 0, index = 0, typing = Assigner.Typing.DYNAMIC))
  public static Object[] onEnter(@Advice.Argument(0) Runnable task) {
    return TaskSubmission.runnable(task, true);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.Enter Object[] submitted, @Advice.Thrown Throwable thrown) {
    if (thrown != null) {
      PropagatedContexts.clear(holder(submitted));
    }
  }

  /** The holder a submission advice returned as its second element, if any. */
  @SuppressWarnings("unchecked")
  static AtomicReference<io.opentelemetry.context.Context> holder(Object[] submitted) {
    return submitted == null
        ? null
        : (AtomicReference<io.opentelemetry.context.Context>) submitted[1];
  }
}
