package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.common.Attributes;
import io.lumen.instrumentation.opentelemetryapi.v1_0.common.AttributesBridging;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

/** What the application's callback records into, during the agent's collection. */
final class ApplicationObservableLongMeasurement
    implements application.io.opentelemetry.api.metrics.ObservableLongMeasurement {

  private final ObservableLongMeasurement agentMeasurement;

  private ApplicationObservableLongMeasurement(ObservableLongMeasurement agentMeasurement) {
    this.agentMeasurement = agentMeasurement;
  }

  /** The application's callback, for the agent's instrument. */
  static Consumer<ObservableLongMeasurement> adapt(
      Consumer<application.io.opentelemetry.api.metrics.ObservableLongMeasurement> callback) {
    return agentMeasurement ->
        callback.accept(new ApplicationObservableLongMeasurement(agentMeasurement));
  }

  @Override
  public void record(long value) {
    agentMeasurement.record(value);
  }

  @Override
  public void record(long value, Attributes attributes) {
    agentMeasurement.record(value, AttributesBridging.toAgent(attributes));
  }
}
