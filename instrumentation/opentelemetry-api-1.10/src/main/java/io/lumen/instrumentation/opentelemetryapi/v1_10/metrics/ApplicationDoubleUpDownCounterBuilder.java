package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.DoubleUpDownCounter;
import application.io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import application.io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import java.util.function.Consumer;

final class ApplicationDoubleUpDownCounterBuilder
    implements application.io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder {

  private final DoubleUpDownCounterBuilder agentBuilder;

  ApplicationDoubleUpDownCounterBuilder(DoubleUpDownCounterBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public DoubleUpDownCounter build() {
    return new ApplicationDoubleUpDownCounter(agentBuilder.build());
  }

  @Override
  public ObservableDoubleUpDownCounter buildWithCallback(
      Consumer<ObservableDoubleMeasurement> callback) {
    return new ApplicationObservableInstrument(
        agentBuilder.buildWithCallback(ApplicationObservableDoubleMeasurement.adapt(callback)));
  }
}
