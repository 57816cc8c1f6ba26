package io.lumen.smoketest.faultyadvice.extension;

import net.bytebuddy.asm.Advice;

/** Enter and exit advice that always throw. */
public final class ThrowingAdvice {

  private ThrowingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) String text) {
    AdviceWitness.ran("enter");
    throw new IllegalStateException("faulty enter advice, argument " + text);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Argument(0) String text) {
    AdviceWitness.ran("exit");
    throw new IllegalStateException("faulty exit advice, argument " + text);
  }
}
