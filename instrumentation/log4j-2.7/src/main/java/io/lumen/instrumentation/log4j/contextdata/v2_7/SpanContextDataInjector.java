package io.lumen.instrumentation.log4j.contextdata.v2_7;

import static java.util.Objects.requireNonNull;

import io.lumen.instrumentation.logs.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Wraps Log4j's context-data injector so that every event created while a span is current carries
 * the span's ids in its context data, where {@code %X{trace_id}}, JSON layouts and async loggers
 * read them. The thread context ({@code ThreadContext}) itself is never touched, so nothing is left
 * behind once the span is no longer current. Keys the application set itself win.
 */
public final class SpanContextDataInjector implements ContextDataInjector {

  private final ContextDataInjector delegate;
  private final CorrelationKeys keys;

  public SpanContextDataInjector(ContextDataInjector delegate, CorrelationKeys keys) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.keys = requireNonNull(keys, "keys");
  }

  @Override
  public StringMap injectContextData(List<Property> properties, StringMap reusable) {
    StringMap contextData = delegate.injectContextData(properties, reusable);
    SpanContext spanContext = Span.current().getSpanContext();
    if (!spanContext.isValid() || contextData.containsKey(keys.traceId())) {
      return contextData;
    }
    // The injector may return a frozen map (the thread context's own): add to a copy.
    StringMap withIds = new SortedArrayStringMap(contextData);
    putIfAbsent(withIds, keys.traceId(), spanContext.getTraceId());
    putIfAbsent(withIds, keys.spanId(), spanContext.getSpanId());
    putIfAbsent(withIds, keys.traceFlags(), spanContext.getTraceFlags().asHex());
    return withIds;
  }

  @Override
  public ReadOnlyStringMap rawContextData() {
    return delegate.rawContextData();
  }

  /**
   * Log4j 2.24+ looks single keys up here ({@code ContextDataInjector#getValue}, a default method
   * there, absent from 2.7, so no {@code @Override}).
   */
  public Object getValue(String key) {
    if (keys.contains(key)) {
      SpanContext spanContext = Span.current().getSpanContext();
      if (spanContext.isValid()) {
        Object own = rawContextData().getValue(key);
        if (own != null) {
          return own;
        }
        if (key.equals(keys.traceId())) {
          return spanContext.getTraceId();
        } else if (key.equals(keys.spanId())) {
          return spanContext.getSpanId();
        }
        return spanContext.getTraceFlags().asHex();
      }
    }
    return rawContextData().getValue(key);
  }

  private static void putIfAbsent(StringMap map, String key, String value) {
    if (!map.containsKey(key)) {
      map.putValue(key, value);
    }
  }

  @Override
  public String toString() {
    return "SpanContextDataInjector{" + delegate + "}";
  }
}
