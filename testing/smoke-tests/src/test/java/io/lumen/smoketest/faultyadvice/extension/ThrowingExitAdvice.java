package io.lumen.smoketest.faultyadvice.extension;

import net.bytebuddy.asm.Advice;

/** Exit advice that always throws. */
public final class ThrowingExitAdvice {

  private ThrowingExitAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Return String result) {
    AdviceWitness.ran("exit-only");
    throw new UnsupportedOperationException("faulty exit-only advice, result " + result);
  }
}
