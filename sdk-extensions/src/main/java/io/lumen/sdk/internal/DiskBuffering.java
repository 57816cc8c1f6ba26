package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Disk buffering ({@code otel.lumen.disk-buffering.enabled}): not wired yet.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
final class DiskBuffering {

  private static final DiskBuffering OFF = new DiskBuffering();

  private DiskBuffering() {}

  static DiskBuffering forConfig(ConfigProperties config) {
    return OFF;
  }

  SpanExporter wrap(SpanExporter exporter) {
    return exporter;
  }

  MetricExporter wrap(MetricExporter exporter) {
    return exporter;
  }

  LogRecordExporter wrap(LogRecordExporter exporter) {
    return exporter;
  }
}
