package io.lumen.instrumentation.opentelemetryapi.v1_0.trace;

import application.io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * The agent's tracer provider as the application sees it: the application's tracers are agent
 * tracers of the same instrumentation scope, so its spans are exported with the agent's resource,
 * sampler and exporters.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class ApplicationTracerProvider
    implements application.io.opentelemetry.api.trace.TracerProvider {

  private final TracerProvider agentTracerProvider;

  public ApplicationTracerProvider(TracerProvider agentTracerProvider) {
    this.agentTracerProvider = agentTracerProvider;
  }

  @Override
  public Tracer get(String instrumentationScopeName) {
    return TraceBridging.toApplication(agentTracerProvider.get(instrumentationScopeName));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return TraceBridging.toApplication(
        agentTracerProvider.get(instrumentationScopeName, instrumentationScopeVersion));
  }
}
