package io.lumen.instrumentation.spring.kafka.v2_7;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.lumen.instrumentation.kafka.common.ListenerContainerThread;
import io.lumen.instrumentation.kafka.common.PolledBatch;
import io.lumen.instrumentation.kafka.v2_0.KafkaProcessInstrumenters;
import io.lumen.instrumentation.kafka.v2_0.PolledRecords;
import io.lumen.instrumentation.kafka.v2_0.ReceivedRecord;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.Collection;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The process spans of Spring Kafka's listener container: {@code process {topic}} (CONSUMER) around
 * each record it hands to a record listener, a child of the span that sent the record, and one
 * around each batch it hands to a batch listener, a child of the poll that fetched the batch and
 * linked to the span that sent each record. Both come from the Kafka client instrumentation's
 * process instrumenters, under this module's instrumentation scope; the consumer's group and the
 * poll's receive span come from what that instrumentation recorded for the container's thread
 * ({@link ListenerContainerThread}).
 *
 * <p>Used by the agent, which calls it from advice on the container's {@code ListenerConsumer};
 * not a public API.
 */
public final class SpringKafkaTelemetry {

  static final String INSTRUMENTATION_NAME = "io.lumen.spring-kafka-2.7";

  private final Instrumenter<ReceivedRecord, Void> recordInstrumenter;
  private final Instrumenter<PolledRecords, Void> batchInstrumenter;

  private SpringKafkaTelemetry(
      Instrumenter<ReceivedRecord, Void> recordInstrumenter,
      Instrumenter<PolledRecords, Void> batchInstrumenter) {
    this.recordInstrumenter = recordInstrumenter;
    this.batchInstrumenter = batchInstrumenter;
  }

  /** @param capturedHeaders record headers to record as {@code messaging.header.<name>} */
  public static SpringKafkaTelemetry create(
      OpenTelemetry openTelemetry, Collection<String> capturedHeaders) {
    return new SpringKafkaTelemetry(
        KafkaProcessInstrumenters.record(openTelemetry, INSTRUMENTATION_NAME, capturedHeaders),
        KafkaProcessInstrumenters.batch(openTelemetry, INSTRUMENTATION_NAME));
  }

  /**
   * Starts processing {@code record} with a record listener, in a span made current until {@link
   * ListenerInvocation#end}.
   *
   * @param current the context of the container's thread
   * @return null if there is to be no span
   */
  @Nullable
  public ListenerInvocation<ReceivedRecord> startRecord(
      Context current, ConsumerRecord<?, ?> record) {
    ListenerContainerThread container = ListenerContainerThread.current();
    PolledBatch poll = lastPoll(container);
    ReceivedRecord request =
        new ReceivedRecord(record, consumer(poll), poll == null ? null : poll.receiveContext());
    return ListenerInvocation.start(recordInstrumenter, current, request, container);
  }

  /**
   * Starts processing {@code records} with a batch listener, in one span made current until {@link
   * ListenerInvocation#end}.
   *
   * @param current the context of the container's thread
   * @return null if there is to be no span
   */
  @Nullable
  public ListenerInvocation<PolledRecords> startBatch(
      Context current, ConsumerRecords<?, ?> records) {
    ListenerContainerThread container = ListenerContainerThread.current();
    PolledBatch poll = lastPoll(container);
    Context receiveContext = poll == null ? null : poll.receiveContext();
    return ListenerInvocation.start(
        batchInstrumenter,
        receiveContext != null ? receiveContext : current,
        new PolledRecords(records, consumer(poll)),
        container);
  }

  @Nullable
  private static PolledBatch lastPoll(@Nullable ListenerContainerThread container) {
    return container == null ? null : container.lastPoll();
  }

  private static ConsumerInfo consumer(@Nullable PolledBatch poll) {
    return poll == null ? ConsumerInfo.UNKNOWN : poll.consumer();
  }
}
