package io.lumen.instrumentation.kafka.v2_0;

import io.lumen.instrumentation.kafka.common.ConsumerInfo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka telemetry without a broker: what the producer writes into a record is what the consumer
 * side reads back, and a loop over polled records gets one process span per record, each ended by
 * the next record, the end of the loop or the next poll. The agent test in
 * testing/smoke-tests-messaging runs the same against a real broker.
 */
class KafkaTelemetryTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final KafkaTelemetry telemetry =
      KafkaTelemetry.create(
          otel.getOpenTelemetry(), Collections.emptyList(), true, SpanKind.CONSUMER);
  private final ConsumerInfo consumer = ConsumerInfo.create("billing", "billing-1");

  @Test
  void sendSpanEndsWhenTheBrokerAnswersAndTheApplicationCallbackRunsInItsOwnContext() {
    ProducerRecord<String, String> record = new ProducerRecord<>("orders", "42", "order 42");
    Context context = telemetry.startSend(Context.root(), record);
    AtomicReference<Span> currentInCallback = new AtomicReference<>();
    Callback callback =
        telemetry.endSendOnCompletion(
            context, Context.root(), record, (metadata, error) -> currentInCallback.set(Span.current()));

    assertThat(record.headers().lastHeader("traceparent")).isNotNull();
    assertThat(otel.getSpans()).isEmpty();

    callback.onCompletion(
        new RecordMetadata(new TopicPartition("orders", 3), 17, 0, 0, 0L, 2, 8), null);

    assertThat(span("send orders"))
        .hasKind(SpanKind.PRODUCER)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.destination.partition.id"), "3"),
            equalTo(AttributeKey.longKey("messaging.kafka.offset"), 17L),
            equalTo(AttributeKey.stringKey("messaging.kafka.message.key"), "42"));
    assertThat(currentInCallback.get().getSpanContext().isValid()).isFalse();
  }

  @Test
  void eachIteratedRecordIsProcessedInASpanParentedToItsProducer() {
    ConsumerRecord<String, String> first = sentRecord("1", 0);
    ConsumerRecord<String, String> second = sentRecord("2", 1);
    ConsumerRecords<String, String> records = polled(first, second);
    Context poll =
        telemetry.recordPoll(Context.root(), records, consumer, Instant.now().minusMillis(5));

    List<String> currentTraceIds = new ArrayList<>();
    Iterator<ConsumerRecord<String, String>> loop =
        telemetry.processEach(records.iterator(), consumer, poll);
    while (loop.hasNext()) {
      loop.next();
      currentTraceIds.add(Span.current().getSpanContext().getTraceId());
    }

    List<SpanData> sends = spans("send orders");
    List<SpanData> processes = spans("process orders");
    assertThat(processes).hasSize(2);
    assertThat(processes.get(0)).hasParent(sends.get(0)).hasKind(SpanKind.CONSUMER)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.consumer.group.name"), "billing"),
            equalTo(AttributeKey.longKey("messaging.kafka.offset"), 0L));
    assertThat(processes.get(1)).hasParent(sends.get(1));
    assertThat(processes.get(0).getLinks())
        .extracting(link -> link.getSpanContext().getSpanId())
        .containsExactly(Span.fromContext(poll).getSpanContext().getSpanId());
    assertThat(currentTraceIds)
        .containsExactly(sends.get(0).getTraceId(), sends.get(1).getTraceId());
    assertThat(Span.current().getSpanContext().isValid()).isFalse();

    assertThat(span("poll orders"))
        .hasKind(SpanKind.CONSUMER)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.longKey("messaging.batch.message_count"), 2L));
    assertThat(span("poll orders").getLinks()).hasSize(2);
  }

  @Test
  void aLoopLeftEarlyHasItsLastSpanEndedByTheNextPoll() {
    ConsumerRecords<String, String> records = polled(sentRecord("1", 0), sentRecord("2", 1));
    for (ConsumerRecord<String, String> record : telemetry.processEach(records, consumer, null)) {
      break; // the application stops after the first record
    }
    assertThat(spans("process orders")).isEmpty();
    assertThat(Span.current().getSpanContext().isValid()).isTrue();

    KafkaTelemetry.endProcessing(); // what the next poll does first

    assertThat(spans("process orders")).hasSize(1);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void aBatchProcessedAtOnceIsOneSpanLinkedToEveryProducer() {
    ConsumerRecords<String, String> records = polled(sentRecord("1", 0), sentRecord("2", 1));
    Instrumenter<PolledRecords, Void> batch =
        KafkaProcessInstrumenters.batch(otel.getOpenTelemetry(), "io.lumen.test");
    PolledRecords request = new PolledRecords(records, consumer);

    Context context = batch.start(Context.root(), request);
    batch.end(context, request, null, null);

    List<SpanData> sends = spans("send orders");
    assertThat(span("process orders"))
        .hasKind(SpanKind.CONSUMER)
        .hasNoParent()
        .hasAttributesSatisfying(
            equalTo(AttributeKey.longKey("messaging.batch.message_count"), 2L),
            equalTo(AttributeKey.stringKey("messaging.operation.type"), "process"),
            equalTo(AttributeKey.stringKey("messaging.consumer.group.name"), "billing"));
    assertThat(span("process orders").getLinks())
        .extracting(link -> link.getSpanContext().getSpanId())
        .containsExactly(sends.get(0).getSpanId(), sends.get(1).getSpanId());
  }

  private ConsumerRecord<String, String> sentRecord(String key, long offset) {
    ProducerRecord<String, String> sent = new ProducerRecord<>("orders", key, "order " + key);
    Context context = telemetry.startSend(Context.root(), sent);
    telemetry.endSendOnCompletion(context, Context.root(), sent, null).onCompletion(null, null);
    ConsumerRecord<String, String> received =
        new ConsumerRecord<>("orders", 0, offset, key, "order " + key);
    sent.headers().forEach(header -> received.headers().add(header));
    return received;
  }

  @SafeVarargs
  private static ConsumerRecords<String, String> polled(ConsumerRecord<String, String>... records) {
    Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
    byPartition.put(new TopicPartition("orders", 0), Arrays.asList(records));
    return new ConsumerRecords<>(byPartition);
  }

  private static SpanData span(String name) {
    List<SpanData> spans = spans(name);
    assertThat(spans).as("spans named " + name + " in " + otel.getSpans()).hasSize(1);
    return spans.get(0);
  }

  private static List<SpanData> spans(String name) {
    List<SpanData> spans = new ArrayList<>();
    for (SpanData span : otel.getSpans()) {
      if (span.getName().equals(name)) {
        spans.add(span);
      }
    }
    // In key order: the keys are the records' order ("1", "2").
    spans.sort(
        (a, b) ->
            String.valueOf(a.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))
                .compareTo(
                    String.valueOf(
                        b.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))));
    return spans;
  }
}
