package io.lumen.sdk.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * A span exporter whose failures go to an {@link ExportFailureLog}.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ReportingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final ExportFailureLog log;

  public ReportingSpanExporter(SpanExporter delegate, ExportFailureLog log) {
    this.delegate = delegate;
    this.log = log;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return log.track("spans", delegate.export(spans));
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
