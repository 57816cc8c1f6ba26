package io.lumen.instrumentation.hikaricp.v3_0.agent;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.lumen.instrumentation.hikaricp.v3_0.HikariTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** The agent's pool telemetry, reporting to the agent's SDK. */
public final class HikariSingletons {

  private static final HikariTelemetry TELEMETRY = HikariTelemetry.create(GlobalOpenTelemetry.get());

  private HikariSingletons() {}

  /**
   * The agent's factory in front of {@code factory}; {@code factory} itself if it is already one
   * (the application used the library by hand, or the pool was restarted).
   */
  public static MetricsTrackerFactory trackerFactory(MetricsTrackerFactory factory) {
    if (factory != null
        && factory.getClass().getName().startsWith("io.lumen.instrumentation.hikaricp.")) {
      return factory;
    }
    return TELEMETRY.createMetricsTrackerFactory(factory);
  }
}
