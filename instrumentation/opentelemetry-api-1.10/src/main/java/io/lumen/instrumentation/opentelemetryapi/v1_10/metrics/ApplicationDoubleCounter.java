package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.context.Context;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.api.metrics.DoubleCounter;

final class ApplicationDoubleCounter
    implements application.io.opentelemetry.api.metrics.DoubleCounter {

  private final DoubleCounter agentCounter;

  ApplicationDoubleCounter(DoubleCounter agentCounter) {
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
