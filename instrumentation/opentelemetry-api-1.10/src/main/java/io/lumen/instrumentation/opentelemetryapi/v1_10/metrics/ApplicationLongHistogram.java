package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.context.Context;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.lumen.instrumentation.opentelemetryapi.v1_0.context.ContextBridge;
import io.opentelemetry.api.metrics.LongHistogram;

final class ApplicationLongHistogram
    implements application.io.opentelemetry.api.metrics.LongHistogram {

  private final LongHistogram agentHistogram;

  ApplicationLongHistogram(LongHistogram agentHistogram) {
    this.agentHistogram = agentHistogram;
  }

  @Override
  public void record(long value) {
    agentHistogram.record(value);
  }

  @Override
  public void record(long value, Attributes attributes) {
    agentHistogram.record(value, AttributesBridging.toAgent(attributes));
  }

  @Override
  public void record(long value, Attributes attributes, Context context) {
    agentHistogram.record(
        value, AttributesBridging.toAgent(attributes), ContextBridge.toAgent(context));
  }
}
