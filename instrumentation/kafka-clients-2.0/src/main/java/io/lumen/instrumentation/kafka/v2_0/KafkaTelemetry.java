package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import io.lumen.instrumentation.messaging.common.CompletedOperations;
import io.lumen.instrumentation.messaging.common.MessagingInstrumenterBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The Kafka client's spans: {@code send {topic}} (PRODUCER) from {@code KafkaProducer.send} until
 * the broker acknowledges the record, with the span's context written into the record's headers;
 * {@code poll {topic}} (receive) for a poll that returned records, linked to the context each record
 * was sent in; and {@code process {topic}} (CONSUMER) for each record the application takes from
 * the returned {@link ConsumerRecords}, a child of the span that sent it, so that producer and
 * consumer are one trace.
 *
 * <p>Used by the agent, which calls it from advice on {@code KafkaProducer}, {@code KafkaConsumer}
 * and {@code ConsumerRecords}; not a public API.
 */
public final class KafkaTelemetry {

  static final String INSTRUMENTATION_NAME = "io.lumen.kafka-clients-2.0";

  private final Instrumenter<ProducerRecord<?, ?>, RecordMetadata> sendInstrumenter;
  @Nullable private final Instrumenter<PolledRecords, Void> receiveInstrumenter;
  private final Instrumenter<ReceivedRecord, Void> processInstrumenter;

  private KafkaTelemetry(
      Instrumenter<ProducerRecord<?, ?>, RecordMetadata> sendInstrumenter,
      @Nullable Instrumenter<PolledRecords, Void> receiveInstrumenter,
      Instrumenter<ReceivedRecord, Void> processInstrumenter) {
    this.sendInstrumenter = sendInstrumenter;
    this.receiveInstrumenter = receiveInstrumenter;
    this.processInstrumenter = processInstrumenter;
  }

  /**
   * @param capturedHeaders record headers to record as {@code messaging.header.<name>}
   * @param receiveTelemetry whether polls get receive spans
   * @param receiveSpanKind CONSUMER or CLIENT, see {@link
   *     MessagingInstrumenterBuilder#setReceiveSpanKind}
   */
  public static KafkaTelemetry create(
      OpenTelemetry openTelemetry,
      Collection<String> capturedHeaders,
      boolean receiveTelemetry,
      SpanKind receiveSpanKind) {
    Instrumenter<ProducerRecord<?, ?>, RecordMetadata> send =
        MessagingInstrumenterBuilder.create(
                openTelemetry, INSTRUMENTATION_NAME, KafkaProducerAttributesGetter.INSTANCE)
            .setCapturedHeaders(capturedHeaders)
            .addAttributesExtractor(KafkaRecordAttributesExtractor.send())
            .buildSendInstrumenter("send", ProducerRecordHeadersSetter.INSTANCE);
    Instrumenter<PolledRecords, Void> receive =
        receiveTelemetry
            ? KafkaProcessInstrumenters.polledRecords(openTelemetry, INSTRUMENTATION_NAME)
                .setReceiveSpanKind(receiveSpanKind)
                .buildReceiveInstrumenter("poll")
            : null;
    Instrumenter<ReceivedRecord, Void> process =
        KafkaProcessInstrumenters.record(openTelemetry, INSTRUMENTATION_NAME, capturedHeaders);
    return new KafkaTelemetry(send, receive, process);
  }

  // ---- producer

  /**
   * Starts the span of sending {@code record} and writes its context into the record's headers.
   *
   * @return the span's context, or null if there is to be no span
   */
  @Nullable
  public Context startSend(Context parentContext, ProducerRecord<?, ?> record) {
    if (!sendInstrumenter.shouldStart(parentContext, record)) {
      return null;
    }
    return sendInstrumenter.start(parentContext, record);
  }

  /**
   * The callback to hand to the producer instead of the application's ({@code null} allowed): it
   * ends the span when the broker answers, then calls the application's in the context that sent.
   */
  public Callback endSendOnCompletion(
      Context context, Context parentContext, ProducerRecord<?, ?> record, @Nullable Callback callback) {
    return new SendCompletionCallback(
        sendInstrumenter, context, parentContext, record, callback);
  }

  /**
   * Ends the span of a send that threw, given the callback {@link #endSendOnCompletion} returned
   * for it.
   */
  public static void sendFailed(Callback completion, Throwable error) {
    if (completion instanceof SendCompletionCallback) {
      ((SendCompletionCallback) completion).sendFailed(error);
    }
  }

  // ---- consumer

  /**
   * Records the receive span of a poll that began at {@code startTime}, when it returned records.
   *
   * @return the span's context, or null when there is none
   */
  @Nullable
  public Context recordPoll(
      Context parentContext,
      ConsumerRecords<?, ?> records,
      ConsumerInfo consumer,
      Instant startTime) {
    if (receiveInstrumenter == null || records.isEmpty()) {
      return null;
    }
    return CompletedOperations.record(
        receiveInstrumenter,
        parentContext,
        new PolledRecords(records, consumer),
        null,
        null,
        startTime);
  }

  /**
   * Wraps an iterator over polled records so that each record it hands out is processed inside a
   * process span of its own.
   */
  public <K, V> Iterator<ConsumerRecord<K, V>> processEach(
      Iterator<ConsumerRecord<K, V>> records,
      ConsumerInfo consumer,
      @Nullable Context receiveContext) {
    return new ProcessingIterator<>(records, this, consumer, receiveContext);
  }

  /** Like {@link #processEach(Iterator, ConsumerInfo, Context)}, for a list. */
  public <K, V> List<ConsumerRecord<K, V>> processEach(
      List<ConsumerRecord<K, V>> records, ConsumerInfo consumer, @Nullable Context receiveContext) {
    return new ProcessingList<>(records, this, consumer, receiveContext);
  }

  /** Like {@link #processEach(Iterator, ConsumerInfo, Context)}, for an iterable. */
  public <K, V> Iterable<ConsumerRecord<K, V>> processEach(
      Iterable<ConsumerRecord<K, V>> records,
      ConsumerInfo consumer,
      @Nullable Context receiveContext) {
    return () -> processEach(records.iterator(), consumer, receiveContext);
  }

  /**
   * Starts processing {@code record} on this thread: ends the process span of the record before
   * it, if still open, and makes the new one current until the next record, the end of the loop or
   * the next poll.
   */
  void startProcessing(
      ConsumerRecord<?, ?> record, ConsumerInfo consumer, @Nullable Context receiveContext) {
    ProcessingOnThread.end();
    ReceivedRecord request = new ReceivedRecord(record, consumer, receiveContext);
    Context parentContext = Context.current();
    if (!processInstrumenter.shouldStart(parentContext, request)) {
      return;
    }
    Context context = processInstrumenter.start(parentContext, request);
    ProcessingOnThread.begin(processInstrumenter, context, request);
  }

  /** Ends the process span open on this thread, if any: the loop is over or a new poll began. */
  public static void endProcessing() {
    ProcessingOnThread.end();
  }
}
