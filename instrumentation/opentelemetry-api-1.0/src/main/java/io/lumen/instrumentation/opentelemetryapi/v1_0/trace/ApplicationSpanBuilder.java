package io.lumen.instrumentation.opentelemetryapi.v1_0.trace;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.context.Context;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.api.trace.SpanBuilder;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Builds an agent span for the application. Without an explicit parent the agent's current context
 * is the parent, which is the application's current context too.
 */
final class ApplicationSpanBuilder implements application.io.opentelemetry.api.trace.SpanBuilder {

  private final SpanBuilder agentBuilder;

  ApplicationSpanBuilder(SpanBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setParent(Context parent) {
    agentBuilder.setParent(ContextBridge.toAgent(parent));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setNoParent() {
    agentBuilder.setNoParent();
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder addLink(SpanContext spanContext) {
    agentBuilder.addLink(TraceBridging.toAgent(spanContext));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder addLink(
      SpanContext spanContext, Attributes attributes) {
    agentBuilder.addLink(
        TraceBridging.toAgent(spanContext), AttributesBridging.toAgent(attributes));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setAttribute(String key, String value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setAttribute(String key, long value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setAttribute(String key, double value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setAttribute(
      String key, boolean value) {
    agentBuilder.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> application.io.opentelemetry.api.trace.SpanBuilder setAttribute(
      AttributeKey<T> key, T value) {
    io.opentelemetry.api.common.AttributeKey<T> agentKey = AttributesBridging.toAgent(key);
    if (agentKey != null) {
      agentBuilder.setAttribute(agentKey, value);
    }
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setSpanKind(SpanKind spanKind) {
    agentBuilder.setSpanKind(TraceBridging.toAgent(spanKind));
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setStartTimestamp(
      long startTimestamp, TimeUnit unit) {
    agentBuilder.setStartTimestamp(startTimestamp, unit);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.SpanBuilder setStartTimestamp(
      Instant startTimestamp) {
    agentBuilder.setStartTimestamp(startTimestamp);
    return this;
  }

  @Override
  public Span startSpan() {
    return new ApplicationSpan(agentBuilder.startSpan());
  }
}
