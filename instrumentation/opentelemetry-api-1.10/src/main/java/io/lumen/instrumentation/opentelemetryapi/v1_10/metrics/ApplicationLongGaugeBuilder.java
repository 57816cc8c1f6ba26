package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.ObservableLongGauge;
import application.io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import java.util.function.Consumer;

final class ApplicationLongGaugeBuilder
    implements application.io.opentelemetry.api.metrics.LongGaugeBuilder {

  private final LongGaugeBuilder agentBuilder;

  ApplicationLongGaugeBuilder(LongGaugeBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongGaugeBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.LongGaugeBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public ObservableLongGauge buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
    return new ApplicationObservableInstrument(
        agentBuilder.buildWithCallback(ApplicationObservableLongMeasurement.adapt(callback)));
  }
}
