package io.lumen.instrumentation.logback.mdc.v1_2;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.LoggingEvent;
import io.lumen.instrumentation.logs.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the current span's ids into a new logging event's MDC map, so {@code %X{trace_id}}, JSON
 * encoders and every other appender see them, also later on an async appender's thread.
 *
 * <p>The event gets its own copy of the thread's MDC plus the ids; the thread's MDC itself is not
 * touched, so nothing is left behind once the span is no longer current. Keys the application put
 * into the MDC itself win.
 */
public final class LoggingEventCorrelation {

  private final CorrelationKeys keys;

  public LoggingEventCorrelation(CorrelationKeys keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /** Call right after the event was created, on the thread that logs. */
  public void addSpanIds(LoggingEvent event) {
    SpanContext spanContext = Span.current().getSpanContext();
    if (!spanContext.isValid()) {
      return;
    }
    Map<String, String> threadMdc = MDC.getCopyOfContextMap();
    Map<String, String> eventMdc =
        threadMdc == null ? new HashMap<String, String>(4) : new HashMap<>(threadMdc);
    keys.putInto(eventMdc, spanContext);
    // Throws if the map was already computed, which a fresh event never has.
    event.setMDCPropertyMap(Collections.unmodifiableMap(eventMdc));
  }
}
