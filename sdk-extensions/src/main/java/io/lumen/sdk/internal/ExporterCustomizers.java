package io.lumen.sdk.internal;

import io.lumen.sdk.internal.export.ExportFailureLog;
import io.lumen.sdk.internal.export.ExporterLogFilter;
import io.lumen.sdk.internal.export.ReportingLogRecordExporter;
import io.lumen.sdk.internal.export.ReportingMetricExporter;
import io.lumen.sdk.internal.export.ReportingSpanExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What Lumen does to the exporters autoconfigure builds, innermost first: headers from a file
 * ({@link ExporterHeadersFile}), one warning per outage instead of one per batch ({@link
 * ExportFailureLog}), and telemetry kept on disk while the collector is unreachable ({@link
 * DiskBuffering}, when enabled).
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ExporterCustomizers implements AutoConfigurationCustomizerProvider {

  /**
   * The autoconfigure builders Lumen made. Only they get Lumen's exporters: lumen-sdk on the class
   * path must not change what plain autoconfigure builds.
   */
  private static final Set<AutoConfigurationCustomizer> lumenBuilders =
      Collections.synchronizedSet(
          Collections.newSetFromMap(new WeakHashMap<AutoConfigurationCustomizer, Boolean>()));

  /**
   * Lumen's exporter customizers, for {@code autoConfigure}. They must run after every other
   * exporter customizer (which may expect the OTLP exporter types, {@code toBuilder()} them and so
   * on), so they are registered from this class as the last SPI customizer provider; if the service
   * class loader cannot see it, they are registered at once, and so run first.
   */
  public static void registerLast(
      AutoConfigurationCustomizer autoConfigure, ClassLoader serviceClassLoader) {
    if (isVisible(serviceClassLoader)) {
      lumenBuilders.add(autoConfigure);
    } else {
      register(autoConfigure);
    }
  }

  /** For the service loader; use {@link #registerLast}. */
  public ExporterCustomizers() {}

  @Override
  public void customize(AutoConfigurationCustomizer autoConfigure) {
    if (lumenBuilders.remove(autoConfigure)) {
      register(autoConfigure);
    }
  }

  @Override
  public int order() {
    return Integer.MAX_VALUE;
  }

  private static boolean isVisible(ClassLoader serviceClassLoader) {
    try {
      for (AutoConfigurationCustomizerProvider provider :
          ServiceLoader.load(AutoConfigurationCustomizerProvider.class, serviceClassLoader)) {
        if (provider.getClass() == ExporterCustomizers.class) {
          return true;
        }
      }
    } catch (Throwable t) {
      // A broken registration elsewhere: fall back to registering directly.
    }
    return false;
  }

  static void register(AutoConfigurationCustomizer autoConfigure) {
    autoConfigure.addSpanExporterCustomizer(ExporterCustomizers::customize);
    autoConfigure.addMetricExporterCustomizer(ExporterCustomizers::customize);
    autoConfigure.addLogRecordExporterCustomizer(ExporterCustomizers::customize);
  }

  static SpanExporter customize(SpanExporter exporter, ConfigProperties config) {
    if (!(exporter instanceof OtlpGrpcSpanExporter || exporter instanceof OtlpHttpSpanExporter)) {
      return exporter;
    }
    DiskBuffering disk = DiskBuffering.forConfig(config);
    SpanExporter result = rebuild(config, disk).apply(exporter);
    ExporterLogFilter.install();
    result = new ReportingSpanExporter(result, failureLog(config, "traces"));
    return disk.wrap(result);
  }

  static MetricExporter customize(MetricExporter exporter, ConfigProperties config) {
    if (!(exporter instanceof OtlpGrpcMetricExporter
        || exporter instanceof OtlpHttpMetricExporter)) {
      return exporter;
    }
    DiskBuffering disk = DiskBuffering.forConfig(config);
    MetricExporter result = rebuild(config, disk).apply(exporter);
    ExporterLogFilter.install();
    result = new ReportingMetricExporter(result, failureLog(config, "metrics"));
    return disk.wrap(result);
  }

  static LogRecordExporter customize(LogRecordExporter exporter, ConfigProperties config) {
    if (!(exporter instanceof OtlpGrpcLogRecordExporter
        || exporter instanceof OtlpHttpLogRecordExporter)) {
      return exporter;
    }
    DiskBuffering disk = DiskBuffering.forConfig(config);
    LogRecordExporter result = rebuild(config, disk).apply(exporter);
    ExporterLogFilter.install();
    result = new ReportingLogRecordExporter(result, failureLog(config, "logs"));
    return disk.wrap(result);
  }

  private static OtlpExporterRebuild rebuild(ConfigProperties config, DiskBuffering disk) {
    // With the disk doing the retrying, an export that waits seconds for its own retries would
    // only hold up the batch queue.
    return new OtlpExporterRebuild(ExporterHeadersFile.fromConfig(config), disk.isEnabled());
  }

  private static ExportFailureLog failureLog(ConfigProperties config, String signal) {
    return ExportFailureLog.forEndpoint(OtlpEndpoints.of(config, signal));
  }
}
