package io.lumen.instrumentation.executors;

import net.bytebuddy.asm.Advice;

/**
 * {@code cancel} of futures and fork/join tasks: a cancelled task may stay queued until its turn
 * comes (or forever, for a delayed task), and must not keep the request's context alive meanwhile.
 */
public final class CancelAdvice {

  private CancelAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(@Advice.This Object future) {
    PropagatedContexts.forget(future);
  }
}
