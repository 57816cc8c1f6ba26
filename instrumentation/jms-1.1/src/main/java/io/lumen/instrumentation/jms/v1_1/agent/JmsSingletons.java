package io.lumen.instrumentation.jms.v1_1.agent;

import io.lumen.instrumentation.jms.v1_1.JmsTelemetry;
import io.lumen.instrumentation.messaging.common.MessagingAgentConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** The module's telemetry, built once per application class loader from the agent's settings. */
public final class JmsSingletons {

  private static final JmsTelemetry TELEMETRY = createTelemetry();

  private JmsSingletons() {}

  public static JmsTelemetry telemetry() {
    return TELEMETRY;
  }

  private static JmsTelemetry createTelemetry() {
    MessagingAgentConfig config = MessagingAgentConfig.get();
    return JmsTelemetry.create(
        GlobalOpenTelemetry.get(),
        config.capturedHeaders(),
        config.receiveTelemetryEnabled(),
        config.receiveSpanKind());
  }
}
