package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.asm.Advice;

/**
 * Ignores {@code GlobalOpenTelemetry.set(...)}: an application that bundles its own SDK and
 * registers it keeps working (its SDK object stays usable) while its global calls keep going to the
 * agent. The original would also throw if called twice, which the agent must not provoke.
 */
public final class GlobalSetAdvice {

  private static final Logger logger = Logger.getLogger(GlobalSetAdvice.class.getName());
  private static final AtomicBoolean reported = new AtomicBoolean();

  private GlobalSetAdvice() {}

  @Advice.OnMethodEnter(
      skipOn = Advice.OnNonDefaultValue.class,
      suppress = Throwable.class,
      inline = false)
  public static boolean ignoreSet() {
    if (reported.compareAndSet(false, true)) {
      logger.log(
          Level.FINE,
          "GlobalOpenTelemetry.set by the application is ignored: the agent's SDK is the global"
              + " OpenTelemetry while the agent is attached (reported once)");
    }
    return true;
  }
}
