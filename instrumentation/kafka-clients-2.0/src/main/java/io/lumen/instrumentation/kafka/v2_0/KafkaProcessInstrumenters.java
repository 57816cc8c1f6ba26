package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.messaging.common.MessageCreationLinks;
import io.lumen.instrumentation.messaging.common.MessagingInstrumenterBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.util.Collection;

/**
 * The CONSUMER {@code process {topic}} instrumenters of received records, for this module's loops
 * over polled records and for frameworks that hand records to listeners themselves (Spring Kafka's
 * listener container), so that both read alike and share one set of attribute getters.
 *
 * <pre>{@code
 * Instrumenter<ReceivedRecord, Void> process =
 *     KafkaProcessInstrumenters.record(openTelemetry, "io.lumen.spring-kafka-2.7", headers);
 * Context context = process.start(Context.current(), new ReceivedRecord(record, consumer, poll));
 * }</pre>
 *
 * <p>Not a public API: used by instrumentation modules.
 */
public final class KafkaProcessInstrumenters {

  private KafkaProcessInstrumenters() {}

  /**
   * Processing one record: a child of the span that sent it (read from the record's headers),
   * linked to the poll that fetched it when that has a span; {@code messaging.kafka.offset}, {@code
   * messaging.kafka.message.key}, {@code messaging.consumer.group.name}.
   *
   * @param instrumentationName the spans' instrumentation scope
   * @param capturedHeaders record headers to record as {@code messaging.header.<name>}
   */
  public static Instrumenter<ReceivedRecord, Void> record(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      Collection<String> capturedHeaders) {
    return MessagingInstrumenterBuilder.create(
            openTelemetry, instrumentationName, KafkaProcessAttributesGetter.INSTANCE)
        .setCapturedHeaders(capturedHeaders)
        .addAttributesExtractor(KafkaRecordAttributesExtractor.process())
        // The poll that fetched the record, when it has a span: the parent is the producer.
        .addSpanLinksExtractor(
            (links, parentContext, request) -> {
              Context poll = request.receiveContext();
              SpanContext receiveSpan =
                  poll == null ? null : Span.fromContext(poll).getSpanContext();
              if (receiveSpan != null && receiveSpan.isValid()) {
                links.addLink(receiveSpan);
              }
            })
        .buildProcessInstrumenter("process", ReceivedRecordHeadersGetter.INSTANCE);
  }

  /**
   * Processing a batch of records at once: records of many producers have no one parent, so the
   * span is a child of the context it is started in (the poll's receive span, say) and linked to
   * the span that sent each record; {@code messaging.batch.message_count}, {@code
   * messaging.consumer.group.name}, the topic (and partition) when all records share it.
   *
   * @param instrumentationName the spans' instrumentation scope
   */
  public static Instrumenter<PolledRecords, Void> batch(
      OpenTelemetry openTelemetry, String instrumentationName) {
    return polledRecords(openTelemetry, instrumentationName).buildBatchProcessInstrumenter("process");
  }

  /**
   * What a poll's receive span and a batch's process span share: the attributes of the records
   * polled together and a link to the span that sent each of them.
   */
  static MessagingInstrumenterBuilder<PolledRecords, Void> polledRecords(
      OpenTelemetry openTelemetry, String instrumentationName) {
    return MessagingInstrumenterBuilder.create(
            openTelemetry, instrumentationName, KafkaReceiveAttributesGetter.INSTANCE)
        .addAttributesExtractor(KafkaRecordAttributesExtractor.receive())
        .addSpanLinksExtractor(
            MessageCreationLinks.create(
                openTelemetry.getPropagators().getTextMapPropagator(),
                PolledRecords::records,
                ConsumerRecordHeadersGetter.INSTANCE));
  }
}
