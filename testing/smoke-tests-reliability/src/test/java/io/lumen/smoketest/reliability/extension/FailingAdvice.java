package io.lumen.smoketest.reliability.extension;

import net.bytebuddy.asm.Advice;

/** Counts each run in a system property (shared with the application), then throws. */
public final class FailingAdvice {

  private FailingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) int value) {
    String property = "lumen.test.failing-advice.runs";
    System.setProperty(property, String.valueOf(Integer.getInteger(property, 0) + 1));
    throw new IllegalStateException("failing advice, argument " + value);
  }
}
