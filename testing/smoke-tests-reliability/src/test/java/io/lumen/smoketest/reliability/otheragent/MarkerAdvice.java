package io.lumen.smoketest.reliability.otheragent;

import net.bytebuddy.asm.Advice;

/** Inlined into the instrumented method: only JDK types. */
public final class MarkerAdvice {

  private MarkerAdvice() {}

  @Advice.OnMethodEnter
  public static void enter(@Advice.Argument(0) String name) {
    System.out.println("OTHER-AGENT-MARKER greet(" + name + ")");
  }
}
