package io.lumen.sdk.internal;

import io.lumen.sdk.internal.disk.DiskBufferedExporters;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * {@code otel.lumen.disk-buffering.enabled}: telemetry the collector cannot take now waits on disk
 * instead of in memory, so that an outage loses nothing within the configured bounds (see {@link
 * io.lumen.sdk.internal.disk.DiskBufferedExporters}).
 *
 * <p>Built on io.opentelemetry.contrib:opentelemetry-disk-buffering, an optional dependency of the
 * Lumen SDK (the agent bundles it): it ships its own classes in the {@code io.opentelemetry.proto}
 * packages, which would clash with opentelemetry-proto in an application that has that too.
 * Without it on the class path, enabling disk buffering gives one warning and no buffering.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
final class DiskBuffering {

  private static final Logger logger = Logger.getLogger(DiskBuffering.class.getName());
  private static final DiskBuffering OFF = new DiskBuffering(null);
  private static final AtomicBoolean missingLibraryLogged = new AtomicBoolean();

  @Nullable private final DiskBufferingConfiguration config;

  private DiskBuffering(@Nullable DiskBufferingConfiguration config) {
    this.config = config;
  }

  static DiskBuffering forConfig(ConfigProperties config) {
    DiskBufferingConfiguration diskConfig =
        DiskBufferingConfiguration.fromConfig(config, serviceName(config));
    if (diskConfig == null) {
      return OFF;
    }
    if (!isLibraryAvailable()) {
      if (missingLibraryLogged.compareAndSet(false, true)) {
        logger.warning(
            DiskBufferingConfiguration.ENABLED
                + "=true needs io.opentelemetry.contrib:opentelemetry-disk-buffering on the class"
                + " path; telemetry is not buffered on disk.");
      }
      return OFF;
    }
    return new DiskBuffering(diskConfig);
  }

  boolean isEnabled() {
    return config != null;
  }

  SpanExporter wrap(SpanExporter exporter) {
    return config == null ? exporter : DiskBufferedExporters.spans(config, exporter);
  }

  MetricExporter wrap(MetricExporter exporter) {
    return config == null ? exporter : DiskBufferedExporters.metrics(config, exporter);
  }

  LogRecordExporter wrap(LogRecordExporter exporter) {
    return config == null ? exporter : DiskBufferedExporters.logs(config, exporter);
  }

  private static boolean isLibraryAvailable() {
    try {
      Class.forName(
          "io.opentelemetry.contrib.disk.buffering.storage.SignalStorage",
          false,
          DiskBuffering.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      logger.log(Level.FINE, "opentelemetry-disk-buffering is not on the class path", e);
      return false;
    }
  }

  /** The directory's default name; the resource's detected name is not known this early. */
  private static String serviceName(ConfigProperties config) {
    String name = config.getString("otel.service.name");
    if (name == null) {
      name = config.getMap("otel.resource.attributes").get("service.name");
    }
    return name == null || name.trim().isEmpty() ? "default" : name.trim();
  }
}
