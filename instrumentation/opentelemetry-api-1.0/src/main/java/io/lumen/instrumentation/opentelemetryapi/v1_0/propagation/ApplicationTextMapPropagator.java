package io.lumen.instrumentation.opentelemetryapi.v1_0.propagation;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.propagation.TextMapGetter;
import application.io.opentelemetry.context.propagation.TextMapSetter;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Collection;

/**
 * Runs the agent's propagator on application contexts and carriers: the context is converted to the
 * agent's, and the application's getter and setter are adapted, so the carrier itself is never
 * copied.
 */
final class ApplicationTextMapPropagator
    implements application.io.opentelemetry.context.propagation.TextMapPropagator {

  private final TextMapPropagator agentPropagator;

  ApplicationTextMapPropagator(TextMapPropagator agentPropagator) {
    this.agentPropagator = agentPropagator;
  }

  @Override
  public Collection<String> fields() {
    return agentPropagator.fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    agentPropagator.inject(ContextBridge.toAgent(context), carrier, setter::set);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    return ContextBridge.toApplication(
        agentPropagator.extract(
            ContextBridge.toAgent(context), carrier, new AgentTextMapGetter<>(getter)));
  }

  /** The application's getter, for the agent's propagator. */
  private static final class AgentTextMapGetter<C>
      implements io.opentelemetry.context.propagation.TextMapGetter<C> {
    private final TextMapGetter<C> applicationGetter;

    AgentTextMapGetter(TextMapGetter<C> applicationGetter) {
      this.applicationGetter = applicationGetter;
    }

    @Override
    public Iterable<String> keys(C carrier) {
      return applicationGetter.keys(carrier);
    }

    @Override
    public String get(C carrier, String key) {
      return applicationGetter.get(carrier, key);
    }
  }
}
