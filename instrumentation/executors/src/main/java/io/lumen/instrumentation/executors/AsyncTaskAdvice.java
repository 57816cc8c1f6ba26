package io.lumen.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * Constructors of {@code CompletableFuture.AsyncSupply} and {@code AsyncRun}, the tasks of {@code
 * supplyAsync} and {@code runAsync}: they run in the context they were created in, whatever
 * executor runs them.
 */
public final class AsyncTaskAdvice {

  private AsyncTaskAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This Object task) {
    TaskSubmission.task(task);
  }
}
