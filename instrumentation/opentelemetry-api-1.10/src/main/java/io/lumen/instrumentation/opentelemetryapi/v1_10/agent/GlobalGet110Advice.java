package io.lumen.instrumentation.opentelemetryapi.v1_10.agent;

import application.io.opentelemetry.api.OpenTelemetry;
import io.lumen.instrumentation.opentelemetryapi.v1_10.ApplicationOpenTelemetry110;
import net.bytebuddy.asm.Advice;

/**
 * Answers {@code GlobalOpenTelemetry.get()} with the bridge of API 1.10. As with API 1.0, the
 * original body is skipped only when the bridge is there to return.
 */
public final class GlobalGet110Advice {

  private GlobalGet110Advice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static OpenTelemetry bridge() {
    return ApplicationOpenTelemetry110.get();
  }

  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static OpenTelemetry returnBridge(@Advice.Enter OpenTelemetry bridge) {
    // null (no bridge) leaves the original method's result in place
    return bridge;
  }
}
