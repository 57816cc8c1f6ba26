package io.lumen.instrumentation.hikaricp.v3_0;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.opentelemetry.api.OpenTelemetry;
import javax.annotation.Nullable;

/**
 * Connection-pool metrics of HikariCP ({@code db.client.connection.count} by state, {@code .max},
 * {@code .idle.min}, {@code .idle.max}, {@code .pending_requests}, {@code .timeouts}, {@code
 * .wait_time}, {@code .create_time}, {@code .use_time}), in library mode:
 *
 * <pre>{@code
 * HikariConfig config = new HikariConfig();
 * config.setMetricsTrackerFactory(
 *     HikariTelemetry.create(openTelemetry).createMetricsTrackerFactory(null));
 * }</pre>
 *
 * <p>With the Lumen agent attached, every pool gets these metrics without any of this.
 */
public final class HikariTelemetry {

  /** The instrumentation scope of the pool metrics. */
  public static final String INSTRUMENTATION_NAME = "io.lumen.hikaricp-3.0";

  private final OpenTelemetry openTelemetry;

  private HikariTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  public static HikariTelemetry create(OpenTelemetry openTelemetry) {
    return new HikariTelemetry(openTelemetry);
  }

  /**
   * A tracker factory reporting each pool's metrics, and passing every event on to the trackers
   * of {@code delegate} (the application's own factory, for example Micrometer's), if not null.
   */
  public MetricsTrackerFactory createMetricsTrackerFactory(@Nullable MetricsTrackerFactory delegate) {
    return new OpenTelemetryMetricsTrackerFactory(openTelemetry, delegate);
  }
}
