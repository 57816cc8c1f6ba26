package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.DoubleCounter;
import application.io.opentelemetry.api.metrics.ObservableDoubleCounter;
import application.io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import java.util.function.Consumer;

final class ApplicationDoubleCounterBuilder
    implements application.io.opentelemetry.api.metrics.DoubleCounterBuilder {

  private final DoubleCounterBuilder agentBuilder;

  ApplicationDoubleCounterBuilder(DoubleCounterBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleCounterBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleCounterBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public DoubleCounter build() {
    return new ApplicationDoubleCounter(agentBuilder.build());
  }

  @Override
  public ObservableDoubleCounter buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
    return new ApplicationObservableInstrument(
        agentBuilder.buildWithCallback(ApplicationObservableDoubleMeasurement.adapt(callback)));
  }
}
