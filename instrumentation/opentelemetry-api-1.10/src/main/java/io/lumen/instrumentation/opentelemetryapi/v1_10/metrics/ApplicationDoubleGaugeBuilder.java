package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.LongGaugeBuilder;
import application.io.opentelemetry.api.metrics.ObservableDoubleGauge;
import application.io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import java.util.function.Consumer;

/**
 * Asynchronous gauges, observed by a callback at each collection. (Synchronous gauges came with API
 * 1.38; there the API's default {@code build()} still answers.)
 */
final class ApplicationDoubleGaugeBuilder
    implements application.io.opentelemetry.api.metrics.DoubleGaugeBuilder {

  private final DoubleGaugeBuilder agentBuilder;

  ApplicationDoubleGaugeBuilder(DoubleGaugeBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleGaugeBuilder setDescription(
      String description) {
    agentBuilder.setDescription(description);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.DoubleGaugeBuilder setUnit(String unit) {
    agentBuilder.setUnit(unit);
    return this;
  }

  @Override
  public LongGaugeBuilder ofLongs() {
    return new ApplicationLongGaugeBuilder(agentBuilder.ofLongs());
  }

  @Override
  public ObservableDoubleGauge buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
    return new ApplicationObservableInstrument(
        agentBuilder.buildWithCallback(ApplicationObservableDoubleMeasurement.adapt(callback)));
  }
}
