package io.lumen.instrumentation.kafka.v2_0.agent;

import io.lumen.instrumentation.kafka.common.PolledBatch;
import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.lumen.instrumentation.kafka.v2_0.KafkaTelemetry;
import io.lumen.instrumentation.messaging.common.MessagingAgentConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The module's telemetry, built once per application class loader from the agent's SDK and
 * settings, and the state the agent attaches to the client's objects.
 */
public final class KafkaSingletons {

  private static final KafkaTelemetry TELEMETRY = createTelemetry();

  /** What each consumer was configured with, recorded by its constructor. */
  @SuppressWarnings("rawtypes")
  static final VirtualField<Consumer, ConsumerInfo> CONSUMERS =
      VirtualField.find(Consumer.class, ConsumerInfo.class);

  /** Which consumer (and which receive span) each batch of polled records came from. */
  @SuppressWarnings("rawtypes")
  static final VirtualField<ConsumerRecords, PolledBatch> BATCHES =
      VirtualField.find(ConsumerRecords.class, PolledBatch.class);

  private KafkaSingletons() {}

  public static KafkaTelemetry telemetry() {
    return TELEMETRY;
  }

  private static KafkaTelemetry createTelemetry() {
    MessagingAgentConfig config = MessagingAgentConfig.get();
    return KafkaTelemetry.create(
        GlobalOpenTelemetry.get(),
        config.capturedHeaders(),
        config.receiveTelemetryEnabled(),
        config.receiveSpanKind());
  }
}
