package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.context.Context;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;

final class ApplicationDoubleUpDownCounter
    implements application.io.opentelemetry.api.metrics.DoubleUpDownCounter {

  private final DoubleUpDownCounter agentCounter;

  ApplicationDoubleUpDownCounter(DoubleUpDownCounter agentCounter) {
    this.agentCounter = agentCounter;
  }

  @Override
  public void add(double value) {
    agentCounter.add(value);
  }

  @Override
  public void add(double value, Attributes attributes) {
    agentCounter.add(value, AttributesBridging.toAgent(attributes));
  }

  @Override
  public void add(double value, Attributes attributes, Context context) {
    agentCounter.add(value, AttributesBridging.toAgent(attributes), ContextBridge.toAgent(context));
  }
}
