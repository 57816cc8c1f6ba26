package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1;

import static java.util.Objects.requireNonNull;

import io.lumen.instrumentation.logs.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Puts the current span's ids into a JBoss LogManager record's MDC, so that {@code %X{trace_id}}
 * in a pattern formatter, JSON formatters and every other handler see them, also later on an
 * async handler's thread.
 *
 * <p>{@link ExtLogRecord#putMdc} gives the record its own copy of the thread's MDC first; the
 * thread's MDC itself is not touched, so nothing is left behind once the span is no longer
 * current. Keys the application put into the MDC itself win.
 */
public final class ExtLogRecordCorrelation {

  private final CorrelationKeys keys;

  public ExtLogRecordCorrelation(CorrelationKeys keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /** Call before the record reaches the logger's handlers, on the thread that logs. */
  public void addSpanIds(ExtLogRecord record) {
    SpanContext spanContext = Span.current().getSpanContext();
    if (!spanContext.isValid()) {
      return;
    }
    putIfAbsent(record, keys.traceId(), spanContext.getTraceId());
    putIfAbsent(record, keys.spanId(), spanContext.getSpanId());
    putIfAbsent(record, keys.traceFlags(), spanContext.getTraceFlags().asHex());
  }

  private static void putIfAbsent(ExtLogRecord record, String key, String value) {
    if (record.getMdc(key) == null) {
      record.putMdc(key, value);
    }
  }
}
