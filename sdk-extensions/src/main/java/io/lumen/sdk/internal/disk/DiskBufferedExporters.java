package io.lumen.sdk.internal.disk;

import io.lumen.sdk.internal.DiskBufferingConfiguration;
import io.opentelemetry.contrib.disk.buffering.storage.impl.FileLogRecordStorage;
import io.opentelemetry.contrib.disk.buffering.storage.impl.FileMetricStorage;
import io.opentelemetry.contrib.disk.buffering.storage.impl.FileSpanStorage;
import io.opentelemetry.contrib.disk.buffering.storage.impl.FileStorageConfiguration;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.File;
import java.time.Duration;
import java.util.Collection;

/**
 * Exporters that keep telemetry on disk while the collector is unreachable (see {@link
 * SignalBuffer}), one folder per signal, built on
 * io.opentelemetry.contrib:opentelemetry-disk-buffering's file storage.
 *
 * <p>Only {@link io.lumen.sdk.internal.DiskBuffering} refers to this class, and only once it has
 * found the contrib library on the class path.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class DiskBufferedExporters {

  /**
   * Files take batches for this long, and are read from no sooner than {@link #READ_AFTER}: data
   * written during an outage can be sent about two seconds after it was written.
   */
  private static final long WRITE_FOR_MILLIS = 1_000;

  private static final long READ_AFTER = 2_000;
  private static final int MAX_FILE_SIZE = 1024 * 1024;
  private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(30);

  private DiskBufferedExporters() {}

  public static SpanExporter spans(DiskBufferingConfiguration config, SpanExporter exporter) {
    SignalBuffer<SpanData> buffer =
        new SignalBuffer<>(
            "spans",
            FileSpanStorage.create(folder(config, "spans"), storage(config)),
            exporter::export,
            EXPORT_TIMEOUT);
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return buffer.export(spans);
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        buffer.shutdown();
        return exporter.shutdown();
      }

      @Override
      public String toString() {
        return "DiskBuffered{" + exporter + "}";
      }
    };
  }

  public static MetricExporter metrics(DiskBufferingConfiguration config, MetricExporter exporter) {
    SignalBuffer<MetricData> buffer =
        new SignalBuffer<>(
            "metrics",
            FileMetricStorage.create(folder(config, "metrics"), storage(config)),
            exporter::export,
            EXPORT_TIMEOUT);
    return new MetricExporter() {
      @Override
      public CompletableResultCode export(Collection<MetricData> metrics) {
        return buffer.export(metrics);
      }

      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return exporter.getAggregationTemporality(instrumentType);
      }

      @Override
      public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
        return exporter.getDefaultAggregation(instrumentType);
      }

      @Override
      public MemoryMode getMemoryMode() {
        // Points are serialized to disk and may be sent later: they must not be reused.
        return MemoryMode.IMMUTABLE_DATA;
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        buffer.shutdown();
        return exporter.shutdown();
      }

      @Override
      public String toString() {
        return "DiskBuffered{" + exporter + "}";
      }
    };
  }

  public static LogRecordExporter logs(
      DiskBufferingConfiguration config, LogRecordExporter exporter) {
    SignalBuffer<LogRecordData> buffer =
        new SignalBuffer<>(
            "logs",
            FileLogRecordStorage.create(folder(config, "logs"), storage(config)),
            exporter::export,
            EXPORT_TIMEOUT);
    return new LogRecordExporter() {
      @Override
      public CompletableResultCode export(Collection<LogRecordData> logs) {
        return buffer.export(logs);
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        buffer.shutdown();
        return exporter.shutdown();
      }

      @Override
      public String toString() {
        return "DiskBuffered{" + exporter + "}";
      }
    };
  }

  private static File folder(DiskBufferingConfiguration config, String signal) {
    return new File(config.directory(), signal);
  }

  private static FileStorageConfiguration storage(DiskBufferingConfiguration config) {
    long perSignal = config.maxSizeBytes() / 3;
    int folderSize = (int) Math.min(Integer.MAX_VALUE, perSignal);
    return FileStorageConfiguration.builder()
        .setMaxFolderSize(folderSize)
        .setMaxFileSize(Math.min(MAX_FILE_SIZE, folderSize / 2))
        .setMaxFileAgeForWriteMillis(WRITE_FOR_MILLIS)
        .setMinFileAgeForReadMillis(READ_AFTER)
        .setMaxFileAgeForReadMillis(Math.max(READ_AFTER + 1, config.maxAge().toMillis()))
        .build();
  }
}
