package io.lumen.instrumentation.log4j.contextdata.v2_7.agent;

import io.lumen.instrumentation.log4j.contextdata.v2_7.SpanContextDataInjector;
import io.lumen.instrumentation.logs.AgentLogBridges;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.core.ContextDataInjector;

/** Wraps the injector Log4j chose with one that adds the current span's ids. */
public final class CreateInjectorAdvice {

  private CreateInjectorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned
  public static ContextDataInjector onExit(@Advice.Return ContextDataInjector injector) {
    if (injector == null || injector instanceof SpanContextDataInjector) {
      return injector;
    }
    return new SpanContextDataInjector(injector, AgentLogBridges.correlationKeys());
  }
}
