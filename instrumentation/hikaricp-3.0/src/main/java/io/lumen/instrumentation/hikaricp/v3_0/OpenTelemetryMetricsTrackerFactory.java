package io.lumen.instrumentation.hikaricp.v3_0;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbConnectionPoolMetrics;
import javax.annotation.Nullable;

/** Creates one {@link OpenTelemetryMetricsTracker} per pool. */
final class OpenTelemetryMetricsTrackerFactory implements MetricsTrackerFactory {

  private final OpenTelemetry openTelemetry;
  @Nullable private final MetricsTrackerFactory delegate;

  OpenTelemetryMetricsTrackerFactory(
      OpenTelemetry openTelemetry, @Nullable MetricsTrackerFactory delegate) {
    this.openTelemetry = openTelemetry;
    this.delegate = delegate;
  }

  /** The application's own factory this one passes events on to, if any. */
  @Nullable
  MetricsTrackerFactory delegate() {
    return delegate;
  }

  @Override
  public IMetricsTracker create(String poolName, PoolStats poolStats) {
    IMetricsTracker delegateTracker = delegate == null ? null : delegate.create(poolName, poolStats);
    DbConnectionPoolMetrics metrics =
        DbConnectionPoolMetrics.create(
            openTelemetry, HikariTelemetry.INSTRUMENTATION_NAME, poolName);
    return new OpenTelemetryMetricsTracker(metrics, poolStats, delegateTracker);
  }
}
