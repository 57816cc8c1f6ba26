package io.lumen.instrumentation.opentelemetryapi.v1_0;

import application.io.opentelemetry.api.trace.TracerProvider;
import application.io.opentelemetry.context.propagation.ContextPropagators;
import io.lumen.instrumentation.opentelemetryapi.v1_0.propagation.ApplicationContextPropagators;
import io.lumen.instrumentation.opentelemetryapi.v1_0.trace.ApplicationTracerProvider;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * What the application's {@code GlobalOpenTelemetry.get()} returns while the agent is attached: the
 * agent's SDK, seen through the application's own API. Spans the application creates are agent
 * spans, exported with the agent's resource and configuration, in the agent's traces.
 *
 * <p>One instance per copy of the application's API (per class loader that holds one).
 */
public final class ApplicationOpenTelemetry
    implements application.io.opentelemetry.api.OpenTelemetry {

  private static final ApplicationOpenTelemetry INSTANCE =
      new ApplicationOpenTelemetry(GlobalOpenTelemetry.get());

  private final TracerProvider tracerProvider;
  private final ContextPropagators propagators;

  private ApplicationOpenTelemetry(OpenTelemetry agentOpenTelemetry) {
    this.tracerProvider = new ApplicationTracerProvider(agentOpenTelemetry.getTracerProvider());
    this.propagators = new ApplicationContextPropagators(agentOpenTelemetry.getPropagators());
  }

  /**
   * The bridge to the agent's global OpenTelemetry, which the agent sets before the application
   * runs.
   */
  public static application.io.opentelemetry.api.OpenTelemetry get() {
    return INSTANCE;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  @Override
  public String toString() {
    return "ApplicationOpenTelemetry{bridged to the Lumen agent}";
  }
}
