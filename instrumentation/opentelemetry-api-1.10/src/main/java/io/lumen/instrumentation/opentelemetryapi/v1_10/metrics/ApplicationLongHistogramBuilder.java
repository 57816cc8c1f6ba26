package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongHistogramBuilder;

final class ApplicationLongHistogramBuilder
    implements application.io.opentelemetry.api.metrics.LongHistogramBuilder {

  private final LongHistogramBuilder agentBuilder;

  ApplicationLongHistogramBuilder(LongHistogramBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongHistogramBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongHistogramBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public LongHistogram build() {
    return new ApplicationLongHistogram(agentBuilder.build());
  }
}
