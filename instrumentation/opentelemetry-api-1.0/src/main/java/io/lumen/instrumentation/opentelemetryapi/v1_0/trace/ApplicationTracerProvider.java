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
public class ApplicationTracerProvider
    implements application.io.opentelemetry.api.trace.TracerProvider {

  private final TracerProvider agentTracerProvider;

  public ApplicationTracerProvider(TracerProvider agentTracerProvider) {
    this.agentTracerProvider = agentTracerProvider;
  }

  @Override
  public Tracer get(String instrumentationScopeName) {
    return new ApplicationTracer(agentTracerProvider.get(instrumentationScopeName));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return new ApplicationTracer(
        agentTracerProvider.get(instrumentationScopeName, instrumentationScopeVersion));
  }

  /** For versions of the bridge that add what newer application APIs have. */
  protected final TracerProvider agentTracerProvider() {
    return agentTracerProvider;
  }

  /** Wraps an agent tracer, for versions of the bridge that build tracers in newer ways. */
  protected static Tracer toApplication(io.opentelemetry.api.trace.Tracer agentTracer) {
    return new ApplicationTracer(agentTracer);
  }
}
