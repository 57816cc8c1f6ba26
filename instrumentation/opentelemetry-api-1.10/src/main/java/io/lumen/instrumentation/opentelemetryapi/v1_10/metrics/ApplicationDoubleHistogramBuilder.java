package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.DoubleHistogram;
import application.io.opentelemetry.api.metrics.LongHistogramBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;

final class ApplicationDoubleHistogramBuilder
    implements application.io.opentelemetry.api.metrics.DoubleHistogramBuilder {

  private final DoubleHistogramBuilder agentBuilder;

  ApplicationDoubleHistogramBuilder(DoubleHistogramBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleHistogramBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleHistogramBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public LongHistogramBuilder ofLongs() {
    return new ApplicationLongHistogramBuilder(agentBuilder.ofLongs());
  }

  @Override
  public DoubleHistogram build() {
    return new ApplicationDoubleHistogram(agentBuilder.build());
  }
}
