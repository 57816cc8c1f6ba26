package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.DoubleCounterBuilder;
import application.io.opentelemetry.api.metrics.LongCounter;
import application.io.opentelemetry.api.metrics.ObservableLongCounter;
import application.io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import java.util.function.Consumer;

final class ApplicationLongCounterBuilder
    implements application.io.opentelemetry.api.metrics.LongCounterBuilder {

  private final LongCounterBuilder agentBuilder;

  ApplicationLongCounterBuilder(LongCounterBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongCounterBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongCounterBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public DoubleCounterBuilder ofDoubles() {
    return new ApplicationDoubleCounterBuilder(agentBuilder.ofDoubles());
  }

  @Override
  public LongCounter build() {
    return new ApplicationLongCounter(agentBuilder.build());
  }

  @Override
  public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
    return new ApplicationObservableInstrument(
        agentBuilder.buildWithCallback(ApplicationObservableLongMeasurement.adapt(callback)));
  }
}
