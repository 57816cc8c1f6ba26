package io.lumen.instrumentation.opentelemetryapi.v1_0.propagation;

import application.io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * The agent's propagators as the application sees them: an application that injects or extracts
 * headers by hand uses exactly the formats ({@code otel.propagators}) the agent's instrumentation
 * uses.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class ApplicationContextPropagators
    implements application.io.opentelemetry.context.propagation.ContextPropagators {

  private final TextMapPropagator textMapPropagator;

  public ApplicationContextPropagators(ContextPropagators agentPropagators) {
    this.textMapPropagator =
        new ApplicationTextMapPropagator(agentPropagators.getTextMapPropagator());
  }

  @Override
  public TextMapPropagator getTextMapPropagator() {
    return textMapPropagator;
  }
}
