package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;

/**
 * The agent's meter provider as the application sees it: the application's instruments are agent
 * instruments, exported by the agent's metric readers with the agent's resource.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class ApplicationMeterProvider
    implements application.io.opentelemetry.api.metrics.MeterProvider {

  private final MeterProvider agentMeterProvider;

  public ApplicationMeterProvider(MeterProvider agentMeterProvider) {
    this.agentMeterProvider = agentMeterProvider;
  }

  @Override
  public MeterBuilder meterBuilder(String instrumentationScopeName) {
    return new ApplicationMeterBuilder(agentMeterProvider.meterBuilder(instrumentationScopeName));
  }
}
