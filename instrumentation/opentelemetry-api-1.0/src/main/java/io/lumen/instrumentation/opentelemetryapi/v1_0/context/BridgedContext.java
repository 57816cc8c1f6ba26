package io.lumen.instrumentation.opentelemetryapi.v1_0.context;

import io.lumen.instrumentation.opentelemetryapi.v1_0.baggage.BaggageBridging;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;

/**
 * What the application sees as a context while the agent is attached: an agent context, which holds
 * the span and the baggage, and the application's own context, which holds every other value the
 * application stored.
 *
 * <p>Reading or writing the span or the baggage goes to the agent context, converted on the way, so
 * that the agent's instrumentation and the application always agree on them. Other keys belong to
 * the application alone and are kept in its own context, which travels inside the agent context
 * (under {@link AgentContextStorage#APPLICATION_CONTEXT}) whenever this context is made current or
 * handed to the agent.
 */
final class BridgedContext implements application.io.opentelemetry.context.Context {

  private final Context agentContext;
  private final application.io.opentelemetry.context.Context applicationContext;

  /**
   * @param agentContext the agent's side, which may or may not already carry {@code
   *     applicationContext}
   * @param applicationContext the application's own values; never a {@code BridgedContext}
   */
  BridgedContext(
      Context agentContext, application.io.opentelemetry.context.Context applicationContext) {
    this.agentContext = agentContext;
    this.applicationContext = applicationContext;
  }

  /** The agent context this context stands for, carrying the application's own values. */
  Context toAgentContext() {
    if (agentContext.get(AgentContextStorage.APPLICATION_CONTEXT) == applicationContext) {
      return agentContext;
    }
    return agentContext.with(AgentContextStorage.APPLICATION_CONTEXT, applicationContext);
  }

  application.io.opentelemetry.context.Context applicationContext() {
    return applicationContext;
  }

  @Override
  @SuppressWarnings("unchecked") // the key identifies the value's type
  public <V> V get(application.io.opentelemetry.context.ContextKey<V> key) {
    if (key == null) {
      return null;
    }
    if (key == ApplicationContextKeys.SPAN) {
      return (V) ApplicationSpanEntry.read(agentContext);
    }
    if (key == ApplicationContextKeys.BAGGAGE) {
      Baggage baggage = Baggage.fromContextOrNull(agentContext);
      return baggage == null ? null : (V) BaggageBridging.toApplication(baggage);
    }
    return applicationContext.get(key);
  }

  @Override
  public <V> application.io.opentelemetry.context.Context with(
      application.io.opentelemetry.context.ContextKey<V> key, V value) {
    if (key != null && key == ApplicationContextKeys.SPAN) {
      return new BridgedContext(
          ApplicationSpanEntry.store(
              agentContext, (application.io.opentelemetry.api.trace.Span) value),
          applicationContext);
    }
    if (key != null && key == ApplicationContextKeys.BAGGAGE) {
      return new BridgedContext(
          agentContext.with(
              BaggageBridging.toAgent((application.io.opentelemetry.api.baggage.Baggage) value)),
          applicationContext);
    }
    return new BridgedContext(agentContext, applicationContext.with(key, value));
  }

  @Override
  public String toString() {
    return "BridgedContext{agent=" + agentContext + ", application=" + applicationContext + "}";
  }
}
