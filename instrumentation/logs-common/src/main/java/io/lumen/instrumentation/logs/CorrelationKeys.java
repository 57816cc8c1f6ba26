package io.lumen.instrumentation.logs;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Map;

/**
 * The MDC / context-data keys under which the current span's ids are put into a logging event, so
 * that a pattern such as {@code %X{trace_id}} prints them. Immutable.
 *
 * <p>Defaults are {@code trace_id}, {@code span_id} and {@code trace_flags}, the names the
 * OpenTelemetry agent uses; in the agent they come from {@code
 * otel.instrumentation.common.logging.trace-id}, {@code ...span-id} and {@code ...trace-flags}.
 */
public final class CorrelationKeys {

  private static final CorrelationKeys DEFAULTS =
      new CorrelationKeys("trace_id", "span_id", "trace_flags");

  private final String traceId;
  private final String spanId;
  private final String traceFlags;

  private CorrelationKeys(String traceId, String spanId, String traceFlags) {
    this.traceId = requireNonNull(traceId, "traceId");
    this.spanId = requireNonNull(spanId, "spanId");
    this.traceFlags = requireNonNull(traceFlags, "traceFlags");
  }

  /** {@code trace_id}, {@code span_id}, {@code trace_flags}. */
  public static CorrelationKeys defaults() {
    return DEFAULTS;
  }

  public static CorrelationKeys create(String traceId, String spanId, String traceFlags) {
    return new CorrelationKeys(traceId, spanId, traceFlags);
  }

  public String traceId() {
    return traceId;
  }

  public String spanId() {
    return spanId;
  }

  public String traceFlags() {
    return traceFlags;
  }

  /** Whether {@code key} is one of the three keys. */
  public boolean contains(String key) {
    return traceId.equals(key) || spanId.equals(key) || traceFlags.equals(key);
  }

  /** Puts the ids of {@code spanContext} into {@code target}, keeping values already there. */
  public void putInto(Map<String, String> target, SpanContext spanContext) {
    putIfAbsent(target, traceId, spanContext.getTraceId());
    putIfAbsent(target, spanId, spanContext.getSpanId());
    putIfAbsent(target, traceFlags, spanContext.getTraceFlags().asHex());
  }

  private static void putIfAbsent(Map<String, String> target, String key, String value) {
    if (!target.containsKey(key)) {
      target.put(key, value);
    }
  }

  @Override
  public String toString() {
    return "CorrelationKeys{" + traceId + ", " + spanId + ", " + traceFlags + "}";
  }
}
