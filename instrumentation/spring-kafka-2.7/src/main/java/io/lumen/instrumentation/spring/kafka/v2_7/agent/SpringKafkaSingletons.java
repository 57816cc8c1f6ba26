package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import io.lumen.instrumentation.messaging.common.MessagingAgentConfig;
import io.lumen.instrumentation.spring.kafka.v2_7.SpringKafkaTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** The module's telemetry, built once per application class loader from the agent's SDK. */
public final class SpringKafkaSingletons {

  private static final SpringKafkaTelemetry TELEMETRY =
      SpringKafkaTelemetry.create(
          GlobalOpenTelemetry.get(), MessagingAgentConfig.get().capturedHeaders());

  private SpringKafkaSingletons() {}

  public static SpringKafkaTelemetry telemetry() {
    return TELEMETRY;
  }
}
