package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.ObservableDoubleCounter;
import application.io.opentelemetry.api.metrics.ObservableDoubleGauge;
import application.io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import application.io.opentelemetry.api.metrics.ObservableLongCounter;
import application.io.opentelemetry.api.metrics.ObservableLongGauge;
import application.io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's handle on an asynchronous agent instrument, of any of the six kinds: they
 * differ only in type. Closing it (API 1.12 on) unregisters the callback from the agent's SDK.
 */
final class ApplicationObservableInstrument
    implements ObservableLongCounter,
        ObservableDoubleCounter,
        ObservableLongUpDownCounter,
        ObservableDoubleUpDownCounter,
        ObservableLongGauge,
        ObservableDoubleGauge {

  private static final Logger logger =
      Logger.getLogger(ApplicationObservableInstrument.class.getName());

  private final AutoCloseable agentInstrument;

  ApplicationObservableInstrument(AutoCloseable agentInstrument) {
    this.agentInstrument = agentInstrument;
  }

  /** Overrides the API's {@code close()} (1.12 on), whose default would leave the callback on. */
  public void close() {
    try {
      agentInstrument.close();
    } catch (Exception e) {
      logger.log(Level.FINE, "could not close an asynchronous instrument", e);
    }
  }
}
