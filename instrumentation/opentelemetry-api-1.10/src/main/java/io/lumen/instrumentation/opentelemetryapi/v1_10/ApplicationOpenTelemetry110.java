package io.lumen.instrumentation.opentelemetryapi.v1_10;

import application.io.opentelemetry.api.metrics.MeterProvider;
import application.io.opentelemetry.api.trace.TracerProvider;
import application.io.opentelemetry.context.propagation.ContextPropagators;
import io.lumen.instrumentation.opentelemetryapi.v1_0.propagation.ApplicationContextPropagators;
import io.lumen.instrumentation.opentelemetryapi.v1_10.metrics.ApplicationMeterProvider;
import io.lumen.instrumentation.opentelemetryapi.v1_10.trace.ApplicationTracerProvider110;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * What the application's {@code GlobalOpenTelemetry.get()} returns when its API is 1.10 or newer:
 * the bridge of API 1.0 plus the agent's meters and tracer builders. Without it the API's own
 * defaults would answer {@code getMeterProvider()} and {@code tracerBuilder(...)} with no-ops.
 *
 * <p>One instance per copy of the application's API (per class loader that holds one).
 */
public final class ApplicationOpenTelemetry110
    implements application.io.opentelemetry.api.OpenTelemetry {

  private static final ApplicationOpenTelemetry110 INSTANCE =
      new ApplicationOpenTelemetry110(GlobalOpenTelemetry.get());

  private final TracerProvider tracerProvider;
  private final MeterProvider meterProvider;
  private final ContextPropagators propagators;

  private ApplicationOpenTelemetry110(OpenTelemetry agentOpenTelemetry) {
    this.tracerProvider = new ApplicationTracerProvider110(agentOpenTelemetry.getTracerProvider());
    this.meterProvider = new ApplicationMeterProvider(agentOpenTelemetry.getMeterProvider());
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
  public MeterProvider getMeterProvider() {
    return meterProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  @Override
  public String toString() {
    return "ApplicationOpenTelemetry110{bridged to the Lumen agent}";
  }
}
