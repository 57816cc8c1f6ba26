package io.lumen.instrumentation.messaging.common;

import io.lumen.agent.extension.AgentConfig;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;

/**
 * The agent's settings for every messaging instrumentation, read from {@code otel.*} system
 * properties and {@code OTEL_*} environment variables:
 *
 * <ul>
 *   <li>{@code otel.instrumentation.messaging.experimental.capture-headers}: message headers (JMS
 *       properties, Kafka record headers, AMQP headers) to record as {@code
 *       messaging.header.<name>} span attributes; none by default;
 *   <li>{@code otel.instrumentation.messaging.experimental.receive-telemetry.enabled}: whether
 *       Kafka polls, JMS {@code receive} calls and RabbitMQ {@code basicGet} calls that returned
 *       messages get receive spans of their own (default true). Processing spans are recorded
 *       either way.
 * </ul>
 *
 * <p>Only the agent part of a module uses this class: it needs the agent's configuration.
 */
public final class MessagingAgentConfig {

  static final String CAPTURE_HEADERS = "otel.instrumentation.messaging.experimental.capture-headers";
  static final String RECEIVE_TELEMETRY =
      "otel.instrumentation.messaging.experimental.receive-telemetry.enabled";

  private final ConfigProperties config;

  private MessagingAgentConfig(ConfigProperties config) {
    this.config = config;
  }

  /** The settings the agent started with. */
  public static MessagingAgentConfig get() {
    return new MessagingAgentConfig(AgentConfig.get());
  }

  static MessagingAgentConfig from(ConfigProperties config) {
    return new MessagingAgentConfig(config);
  }

  public List<String> capturedHeaders() {
    return config.getList(CAPTURE_HEADERS);
  }

  public boolean receiveTelemetryEnabled() {
    return config.getBoolean(RECEIVE_TELEMETRY, true);
  }
}
