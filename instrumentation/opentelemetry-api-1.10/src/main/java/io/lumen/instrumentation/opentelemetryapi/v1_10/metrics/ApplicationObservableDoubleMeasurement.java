package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.function.Consumer;

/** What the application's callback records into, during the agent's collection. */
final class ApplicationObservableDoubleMeasurement
    implements application.io.opentelemetry.api.metrics.ObservableDoubleMeasurement {

  private final ObservableDoubleMeasurement agentMeasurement;

  private ApplicationObservableDoubleMeasurement(ObservableDoubleMeasurement agentMeasurement) {
    this.agentMeasurement = agentMeasurement;
  }

  /** The application's callback, for the agent's instrument. */
  static Consumer<ObservableDoubleMeasurement> adapt(
      Consumer<application.io.opentelemetry.api.metrics.ObservableDoubleMeasurement> callback) {
    return agentMeasurement ->
        callback.accept(new ApplicationObservableDoubleMeasurement(agentMeasurement));
  }

  @Override
  public void record(double value) {
    agentMeasurement.record(value);
  }

  @Override
  public void record(double value, Attributes attributes) {
    agentMeasurement.record(value, AttributesBridging.toAgent(attributes));
  }
}
