package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import application.io.opentelemetry.api.metrics.LongUpDownCounter;
import application.io.opentelemetry.api.metrics.ObservableLongMeasurement;
import application.io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import java.util.function.Consumer;

final class ApplicationLongUpDownCounterBuilder
    implements application.io.opentelemetry.api.metrics.LongUpDownCounterBuilder {

  private final LongUpDownCounterBuilder agentBuilder;

  ApplicationLongUpDownCounterBuilder(LongUpDownCounterBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongUpDownCounterBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongUpDownCounterBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public DoubleUpDownCounterBuilder ofDoubles() {
    return new ApplicationDoubleUpDownCounterBuilder(agentBuilder.ofDoubles());
  }

  @Override
  public LongUpDownCounter build() {
    return new ApplicationLongUpDownCounter(agentBuilder.build());
  }

  @Override
  public ObservableLongUpDownCounter buildWithCallback(
      Consumer<ObservableLongMeasurement> callback) {
    return new ApplicationObservableInstrument(
        agentBuilder.buildWithCallback(ApplicationObservableLongMeasurement.adapt(callback)));
  }
}
