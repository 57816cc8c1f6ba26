package io.lumen.instrumentation.opentelemetryapi.v1_0.trace;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.StatusCode;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.opentelemetry.api.trace.Span;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * An agent span as the application sees it. Every call goes to the one agent span, so the
 * application may end or annotate a span the agent started (the server span it finds in {@code
 * Span.current()}) and the agent's instrumentation sees the application's spans as parents.
 *
 * <p>Two handles on the same agent span are equal, whichever way the application obtained them.
 */
final class ApplicationSpan implements application.io.opentelemetry.api.trace.Span {

  private final Span agentSpan;

  ApplicationSpan(Span agentSpan) {
    this.agentSpan = agentSpan;
  }

  Span agentSpan() {
    return agentSpan;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span setAttribute(String key, String value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span setAttribute(String key, long value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span setAttribute(String key, double value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span setAttribute(String key, boolean value) {
    agentSpan.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> application.io.opentelemetry.api.trace.Span setAttribute(
      AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = AttributesBridging.toAgent(key);
    if (agentKey != null) {
      agentSpan.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span addEvent(String name) {
    agentSpan.addEvent(name);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span addEvent(
      String name, long timestamp, TimeUnit unit) {
    agentSpan.addEvent(name, timestamp, unit);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span addEvent(String name, Instant timestamp) {
    agentSpan.addEvent(name, timestamp);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span addEvent(String name, Attributes attributes) {
    agentSpan.addEvent(name, AttributesBridging.toAgent(attributes));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span addEvent(
      String name, Attributes attributes, long timestamp, TimeUnit unit) {
    agentSpan.addEvent(name, AttributesBridging.toAgent(attributes), timestamp, unit);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span addEvent(
      String name, Attributes attributes, Instant timestamp) {
    agentSpan.addEvent(name, AttributesBridging.toAgent(attributes), timestamp);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span setStatus(StatusCode status) {
    agentSpan.setStatus(TraceBridging.toAgent(status));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span setStatus(
      StatusCode status, String description) {
    agentSpan.setStatus(TraceBridging.toAgent(status), description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span recordException(Throwable exception) {
    agentSpan.recordException(exception);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span recordException(
      Throwable exception, Attributes additionalAttributes) {
    agentSpan.recordException(exception, AttributesBridging.toAgent(additionalAttributes));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.Span updateName(String name) {
    agentSpan.updateName(name);
    return this;
  }

  @Override
  public void end() {
    agentSpan.end();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    agentSpan.end(timestamp, unit);
  }

  @Override
  public void end(Instant timestamp) {
    agentSpan.end(timestamp);
  }

  @Override
  public SpanContext getSpanContext() {
    return TraceBridging.toApplication(agentSpan.getSpanContext());
  }

  @Override
  public boolean isRecording() {
    return agentSpan.isRecording();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationSpan && ((ApplicationSpan) other).agentSpan == agentSpan;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(agentSpan);
  }

  @Override
  public String toString() {
    return "ApplicationSpan{" + agentSpan + "}";
  }
}
