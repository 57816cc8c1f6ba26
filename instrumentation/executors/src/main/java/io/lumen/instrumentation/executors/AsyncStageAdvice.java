package io.lumen.instrumentation.executors;

import java.util.concurrent.Executor;
import net.bytebuddy.asm.Advice;

/**
 * The constructor of {@code CompletableFuture}'s dependent stages ({@code UniCompletion}), for the
 * async ones (those given an executor): the stage runs in the context it was created
 * in, that is where {@code thenApplyAsync} (or {@code supplyAsync}...) was called, not in the
 * context of whichever thread completes the stage before it and hands it to the executor. This
 * also holds for executors this module does not instrument.
 */
public final class AsyncStageAdvice {

  private AsyncStageAdvice() {}

  /** {@code UniCompletion(Executor, CompletableFuture, CompletableFuture)}. */
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This Object stage, @Advice.Argument(0) Object executor) {
    // A null executor marks a stage that runs synchronously, in the completing thread.
    if (executor instanceof Executor) {
      TaskSubmission.task(stage);
    }
  }
}
