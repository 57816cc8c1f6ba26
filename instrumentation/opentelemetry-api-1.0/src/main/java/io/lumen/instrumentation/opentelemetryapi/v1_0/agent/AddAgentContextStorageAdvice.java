package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import application.io.opentelemetry.context.ContextStorage;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.AgentContextStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.bytebuddy.asm.Advice;

/** Puts the agent's context storage first among the application's storage wrappers. */
public final class AddAgentContextStorageAdvice {

  private AddAgentContextStorageAdvice() {}

  /**
   * First, because it is the innermost: it replaces the storage it is given instead of delegating
   * to it, and the application's own wrappers then wrap the agent's storage.
   */
  @Advice.AssignReturned.ToReturned
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static List<Function<? super ContextStorage, ? extends ContextStorage>> addAgentStorage(
      @Advice.Return List<Function<? super ContextStorage, ? extends ContextStorage>> wrappers) {
    List<Function<? super ContextStorage, ? extends ContextStorage>> result =
        new ArrayList<>(wrappers == null ? 1 : wrappers.size() + 1);
    result.add(AgentContextStorage.replacingWrapper());
    if (wrappers != null) {
      result.addAll(wrappers);
    }
    return result;
  }
}
