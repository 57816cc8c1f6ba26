package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.context.Context;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.api.metrics.DoubleHistogram;

final class ApplicationDoubleHistogram
    implements application.io.opentelemetry.api.metrics.DoubleHistogram {

  private final DoubleHistogram agentHistogram;

  ApplicationDoubleHistogram(DoubleHistogram agentHistogram) {
    this.agentHistogram = agentHistogram;
  }

  @Override
  public void record(double value) {
    agentHistogram.record(value);
  }

  @Override
  public void record(double value, Attributes attributes) {
    agentHistogram.record(value, AttributesBridging.toAgent(attributes));
  }

  @Override
  public void record(double value, Attributes attributes, Context context) {
    agentHistogram.record(
        value, AttributesBridging.toAgent(attributes), ContextBridge.toAgent(context));
  }
}
