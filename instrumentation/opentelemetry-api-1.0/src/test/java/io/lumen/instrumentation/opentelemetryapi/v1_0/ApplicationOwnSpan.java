package io.lumen.instrumentation.opentelemetryapi.v1_0;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.StatusCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A recording span of the application's own making, as a span of an SDK the application bundles
 * would be: the bridge knows nothing of it but its span context.
 */
final class ApplicationOwnSpan implements Span {

  final Map<String, Object> attributes = new LinkedHashMap<>();
  private final SpanContext spanContext;

  ApplicationOwnSpan(SpanContext spanContext) {
    this.spanContext = spanContext;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    attributes.put(key.getKey(), value);
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    return this;
  }

  @Override
  public Span updateName(String name) {
    return this;
  }

  @Override
  public void end() {}

  @Override
  public void end(long timestamp, TimeUnit unit) {}

  @Override
  public SpanContext getSpanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    return true;
  }
}
