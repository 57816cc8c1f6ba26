package io.lumen.instrumentation.opentelemetryapi.v1_10.trace;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;
import io.lumen.instrumentation.opentelemetryapi.v1_0.trace.TraceBridging;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * The agent's tracer provider for an application API that has {@code tracerBuilder} (1.4 on), whose
 * default would build no-op tracers.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class ApplicationTracerProvider110
    implements application.io.opentelemetry.api.trace.TracerProvider {

  private final TracerProvider agentTracerProvider;

  public ApplicationTracerProvider110(TracerProvider agentTracerProvider) {
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

  @Override
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return new ApplicationTracerBuilder(
        agentTracerProvider.tracerBuilder(instrumentationScopeName));
  }
}
