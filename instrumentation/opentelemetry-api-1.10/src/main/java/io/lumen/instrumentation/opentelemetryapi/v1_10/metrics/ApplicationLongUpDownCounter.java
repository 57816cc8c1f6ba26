package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.context.Context;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.api.metrics.LongUpDownCounter;

final class ApplicationLongUpDownCounter
    implements application.io.opentelemetry.api.metrics.LongUpDownCounter {

  private final LongUpDownCounter agentCounter;

  ApplicationLongUpDownCounter(LongUpDownCounter agentCounter) {
    this.agentCounter = agentCounter;
  }

  @Override
  public void add(long value) {
    agentCounter.add(value);
  }

  @Override
  public void add(long value, Attributes attributes) {
    agentCounter.add(value, AttributesBridging.toAgent(attributes));
  }

  @Override
  public void add(long value, Attributes attributes, Context context) {
    agentCounter.add(value, AttributesBridging.toAgent(attributes), ContextBridge.toAgent(context));
  }
}
