package io.lumen.smoketest.faultyadvice.extension;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Exit advice that replaces a {@code String} return value with an {@code Integer}. Dynamic typing
 * lets it through instrumentation; the cast where instrumented code assigns it fails.
 */
public final class WrongReturnTypeAdvice {

  private WrongReturnTypeAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object onExit(@Advice.Return String result) {
    AdviceWitness.ran("wrong-return-type");
    return Integer.valueOf(result == null ? -1 : result.length());
  }
}
