package io.lumen.sdk.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;

/**
 * A log record exporter whose failures go to an {@link ExportFailureLog}.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ReportingLogRecordExporter implements LogRecordExporter {

  private final LogRecordExporter delegate;
  private final ExportFailureLog log;

  public ReportingLogRecordExporter(LogRecordExporter delegate, ExportFailureLog log) {
    this.delegate = delegate;
    this.log = log;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    return log.track("log records", delegate.export(logs));
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
