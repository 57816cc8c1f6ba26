package io.lumen.instrumentation.rabbitmq.v5_0.agent;

import io.lumen.instrumentation.messaging.common.MessagingAgentConfig;
import io.lumen.instrumentation.rabbitmq.v5_0.RabbitMqTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** The module's telemetry, built once per application class loader from the agent's settings. */
public final class RabbitMqSingletons {

  private static final RabbitMqTelemetry TELEMETRY = createTelemetry();

  private RabbitMqSingletons() {}

  public static RabbitMqTelemetry telemetry() {
    return TELEMETRY;
  }

  private static RabbitMqTelemetry createTelemetry() {
    MessagingAgentConfig config = MessagingAgentConfig.get();
    return RabbitMqTelemetry.create(
        GlobalOpenTelemetry.get(),
        config.capturedHeaders(),
        config.receiveTelemetryEnabled(),
        config.receiveSpanKind());
  }
}
