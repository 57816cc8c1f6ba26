package io.lumen.instrumentation.messaging.common;

import io.lumen.agent.extension.AgentConfig;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;
import java.util.Locale;

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
 *   <li>{@code otel.instrumentation.messaging.receive-span-kind}: {@code consumer} (the default)
 *       or {@code client}, the kind of those receive spans; see {@link
 *       MessagingInstrumenterBuilder#setReceiveSpanKind}. A bad value is reported once, with the
 *       key, the value and the default, by the agent's configuration check (the SDK's {@code
 *       ConfigurationRepair}), which hands this class the default instead; anything else that
 *       still gets here (a configuration the SDK could not use at all) means the default too.
 * </ul>
 *
 * <p>Only the agent part of a module uses this class: it needs the agent's configuration.
 */
public final class MessagingAgentConfig {

  static final String CAPTURE_HEADERS = "otel.instrumentation.messaging.experimental.capture-headers";
  static final String RECEIVE_TELEMETRY =
      "otel.instrumentation.messaging.experimental.receive-telemetry.enabled";
  static final String RECEIVE_SPAN_KIND = "otel.instrumentation.messaging.receive-span-kind";

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

  /** {@link SpanKind#CLIENT} if so configured, else {@link SpanKind#CONSUMER}. */
  public SpanKind receiveSpanKind() {
    String kind = config.getString(RECEIVE_SPAN_KIND);
    return kind != null && kind.trim().toLowerCase(Locale.ROOT).equals("client")
        ? SpanKind.CLIENT
        : SpanKind.CONSUMER;
  }
}
