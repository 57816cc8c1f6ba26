package io.lumen.sdk.internal.export;

import io.opentelemetry.exporter.otlp.internal.GrpcExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the OTLP exporters' per-batch failure messages ("Failed to export spans. ...", one per
 * batch and signal, five a minute before their own throttling) and the metric reader's "Exporter
 * failed" out of the log once {@link ExportFailureLog} reports failures instead. Every other
 * message of those loggers passes.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ExporterLogFilter implements Filter {

  /** Held so that the loggers, and with them the filters, are never collected. */
  private static final List<Logger> filtered = Collections.synchronizedList(new ArrayList<>());

  private static volatile boolean installed;

  private final Filter previous;

  private ExporterLogFilter(Filter previous) {
    this.previous = previous;
  }

  /** Installs the filter on the exporters' loggers, once per class loader. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    for (Class<?> source :
        new Class<?>[] {GrpcExporter.class, HttpExporter.class, PeriodicMetricReader.class}) {
      Logger logger = Logger.getLogger(source.getName());
      Filter current = logger.getFilter();
      if (!(current instanceof ExporterLogFilter)) {
        logger.setFilter(new ExporterLogFilter(current));
      }
      filtered.add(logger);
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (isReportedElsewhere(record)) {
      return false;
    }
    return previous == null || previous.isLoggable(record);
  }

  static boolean isReportedElsewhere(LogRecord record) {
    if (record.getLevel() == null || record.getLevel().intValue() < Level.WARNING.intValue()) {
      return false;
    }
    String message = record.getMessage();
    if (message == null) {
      return false;
    }
    return (message.startsWith("Failed to export") && !message.contains("UNIMPLEMENTED"))
        || message.startsWith("Too many log messages detected")
        || message.equals("Exporter failed");
  }
}
