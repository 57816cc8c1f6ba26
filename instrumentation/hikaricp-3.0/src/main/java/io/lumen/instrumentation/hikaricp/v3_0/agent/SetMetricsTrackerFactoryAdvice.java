package io.lumen.instrumentation.hikaricp.v3_0.agent;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.Advice.AssignReturned.ToArguments.ToArgument;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Puts the agent's tracker factory in front of the application's (or of none): the pool then
 * reports its metrics, and the application's own tracker still gets every event.
 */
public final class SetMetricsTrackerFactoryAdvice {

  private SetMetricsTrackerFactoryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@ToArgument(value = 0, typing = Assigner.Typing.DYNAMIC))
  public static MetricsTrackerFactory onEnter(@Advice.Argument(0) MetricsTrackerFactory factory) {
    return HikariSingletons.trackerFactory(factory);
  }
}
