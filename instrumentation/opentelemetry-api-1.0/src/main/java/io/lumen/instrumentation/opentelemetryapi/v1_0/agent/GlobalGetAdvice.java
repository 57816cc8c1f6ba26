package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import application.io.opentelemetry.api.OpenTelemetry;
import io.lumen.instrumentation.opentelemetryapi.v1_0.ApplicationOpenTelemetry;
import net.bytebuddy.asm.Advice;

/**
 * Answers {@code GlobalOpenTelemetry.get()} with the bridge. The original body is skipped only when
 * the bridge is there to return; if it cannot be built, the application's own code runs as if there
 * were no agent.
 */
public final class GlobalGetAdvice {

  private GlobalGetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static OpenTelemetry bridge() {
    return ApplicationOpenTelemetry.get();
  }

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static OpenTelemetry returnBridge(@Advice.Enter OpenTelemetry bridge) {
    // null (no bridge) leaves the original method's result in place
    return bridge;
  }
}
