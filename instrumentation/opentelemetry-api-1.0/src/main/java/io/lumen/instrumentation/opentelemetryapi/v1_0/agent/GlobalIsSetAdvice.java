package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import net.bytebuddy.asm.Advice;

/**
 * Answers {@code GlobalOpenTelemetry.isSet()} with true: the agent's SDK is the global one, so an
 * application that sets up its own SDK only when none is set leaves it alone.
 */
public final class GlobalIsSetAdvice {

  private GlobalIsSetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean skipOriginal() {
    return true;
  }

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static boolean set(@Advice.Enter boolean skipped) {
    // false (the advice could not run) leaves the original method's result in place
    return skipped;
  }
}
