package io.lumen.instrumentation.hikaricp.v3_0;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.DbConnectionPoolMetrics;
import io.opentelemetry.instrumentation.api.internal.SemconvStability;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * One pool's metrics: the pool's counts, read from its {@link PoolStats} each time metrics are
 * collected, and the durations and timeouts Hikari reports as they happen. Closing the pool
 * removes the callback, so a closed pool reports nothing more.
 */
final class OpenTelemetryMetricsTracker implements IMetricsTracker {

  private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final BatchCallback callback;
  private final LongCounter timeouts;
  private final DoubleHistogram createTime;
  private final DoubleHistogram waitTime;
  private final DoubleHistogram useTime;
  private final Attributes attributes;
  private final boolean seconds;
  @Nullable private final IMetricsTracker delegate;

  OpenTelemetryMetricsTracker(
      DbConnectionPoolMetrics metrics, PoolStats poolStats, @Nullable IMetricsTracker delegate) {
    this.delegate = delegate;
    this.attributes = metrics.getAttributes();
    // The stable conventions measure in seconds, the old ones in milliseconds (the instruments'
    // units follow the same setting).
    this.seconds = SemconvStability.emitStableDatabaseSemconv();
    ObservableLongMeasurement connections = metrics.connections();
    ObservableLongMeasurement minIdle = metrics.minIdleConnections();
    ObservableLongMeasurement maxIdle = metrics.maxIdleConnections();
    ObservableLongMeasurement max = metrics.maxConnections();
    ObservableLongMeasurement pending = metrics.pendingRequestsForConnection();
    Attributes used = metrics.getUsedConnectionsAttributes();
    Attributes idle = metrics.getIdleConnectionsAttributes();
    this.callback =
        metrics.batchCallback(
            () -> {
              connections.record(poolStats.getIdleConnections(), idle);
              connections.record(poolStats.getActiveConnections(), used);
              minIdle.record(poolStats.getMinConnections(), attributes);
              maxIdle.record(poolStats.getMaxConnections(), attributes);
              max.record(poolStats.getMaxConnections(), attributes);
              pending.record(poolStats.getPendingThreads(), attributes);
            },
            connections,
            minIdle,
            maxIdle,
            max,
            pending);
    this.timeouts = metrics.connectionTimeouts();
    this.createTime = metrics.connectionCreateTime();
    this.waitTime = metrics.connectionWaitTime();
    this.useTime = metrics.connectionUseTime();
  }

  @Override
  public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
    createTime.record(fromMillis(connectionCreatedMillis), attributes);
    if (delegate != null) {
      delegate.recordConnectionCreatedMillis(connectionCreatedMillis);
    }
  }

  @Override
  public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
    waitTime.record(
        seconds ? elapsedAcquiredNanos / NANOS_PER_SECOND : elapsedAcquiredNanos / 1_000_000.0,
        attributes);
    if (delegate != null) {
      delegate.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
    }
  }

  @Override
  public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
    useTime.record(fromMillis(elapsedBorrowedMillis), attributes);
    if (delegate != null) {
      delegate.recordConnectionUsageMillis(elapsedBorrowedMillis);
    }
  }

  @Override
  public void recordConnectionTimeout() {
    timeouts.add(1, attributes);
    if (delegate != null) {
      delegate.recordConnectionTimeout();
    }
  }

  @Override
  public void close() {
    callback.close();
    if (delegate != null) {
      delegate.close();
    }
  }

  private double fromMillis(long millis) {
    return seconds ? millis / 1000.0 : millis;
  }
}
