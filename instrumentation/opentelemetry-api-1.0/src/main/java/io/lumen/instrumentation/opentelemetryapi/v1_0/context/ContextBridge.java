package io.lumen.instrumentation.opentelemetryapi.v1_0.context;

import io.lumen.instrumentation.opentelemetryapi.v1_0.baggage.BaggageBridging;
import io.opentelemetry.context.Context;

/**
 * Converts contexts between the application's API and the agent's, for everything that hands a
 * context across: the context storage, span builders' explicit parents, and propagators.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class ContextBridge {

  private static volatile application.io.opentelemetry.context.Context applicationRoot;

  private ContextBridge() {}

  /**
   * The agent context that {@code applicationContext} stands for. A context the application built
   * without the bridge (from an API older than 1.5, {@code Context.root()} is not bridged) has its
   * span and baggage converted, and is carried along for its other values.
   */
  public static Context toAgent(application.io.opentelemetry.context.Context applicationContext) {
    if (applicationContext == null) {
      return Context.root();
    }
    if (applicationContext instanceof BridgedContext) {
      return ((BridgedContext) applicationContext).toAgentContext();
    }
    Context agentContext = Context.root();
    if (ApplicationContextKeys.SPAN != null) {
      application.io.opentelemetry.api.trace.Span span =
          applicationContext.get(ApplicationContextKeys.SPAN);
      if (span != null) {
        agentContext = ApplicationSpanEntry.store(agentContext, span);
      }
    }
    if (ApplicationContextKeys.BAGGAGE != null) {
      application.io.opentelemetry.api.baggage.Baggage baggage =
          applicationContext.get(ApplicationContextKeys.BAGGAGE);
      if (baggage != null) {
        agentContext = agentContext.with(BaggageBridging.toAgent(baggage));
      }
    }
    return agentContext.with(AgentContextStorage.APPLICATION_CONTEXT, applicationContext);
  }

  /** The application's view of {@code agentContext}, with its own values if it carries any. */
  public static application.io.opentelemetry.context.Context toApplication(Context agentContext) {
    application.io.opentelemetry.context.Context applicationContext =
        agentContext.get(AgentContextStorage.APPLICATION_CONTEXT);
    if (applicationContext == null) {
      applicationContext = applicationRoot();
    }
    return new BridgedContext(agentContext, applicationContext);
  }

  static void setApplicationRoot(application.io.opentelemetry.context.Context root) {
    applicationRoot = root;
  }

  /**
   * The application API's own empty context. The storage sets it when the application first uses a
   * context; before that (or if the storage could not be installed) {@code Context.root()} is
   * asked, which is then the API's own.
   */
  private static application.io.opentelemetry.context.Context applicationRoot() {
    application.io.opentelemetry.context.Context root = applicationRoot;
    if (root == null) {
      root = application.io.opentelemetry.context.Context.root();
      if (root instanceof BridgedContext) {
        root = ((BridgedContext) root).applicationContext();
      }
      applicationRoot = root;
    }
    return root;
  }
}
