package io.lumen.instrumentation.messaging.common;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesExtractor;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingConsumerMetrics;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingOperationType;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingProcessMetrics;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingProducerMetrics;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingSpanNameExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.InstrumenterBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanLinksExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One way for every messaging library to build its instrumenters, so that Kafka, RabbitMQ and JMS
 * spans read alike: names {@code {operation} {destination}} (just {@code {operation}} for a
 * temporary or anonymous destination, whose generated name would make span names unbounded), the
 * span kind of the operation type (PRODUCER for send, CONSUMER for process and, unless {@link
 * #setReceiveSpanKind} says CLIENT, for receive), the {@code messaging.*} attributes, the
 * operations' duration metrics
 * ({@code messaging.client.operation.duration} for send and receive, {@code
 * messaging.process.duration}) and the message headers the user asked to capture.
 *
 * <p>Which conventions are emitted, the stable ones ({@code messaging.operation.type}, {@code
 * messaging.operation.name}, {@code messaging.client.id}...) or the older experimental ones, follows
 * {@code otel.semconv-stability.opt-in} ({@code messaging} or {@code messaging/dup}), as in every
 * OpenTelemetry instrumentation.
 *
 * <pre>{@code
 * MessagingInstrumenterBuilder<ProducerRecord<?, ?>, RecordMetadata> builder =
 *     MessagingInstrumenterBuilder.create(openTelemetry, "io.lumen.kafka-clients-2.0", getter)
 *         .addAttributesExtractor(kafkaSpecificAttributes);
 * Instrumenter<ProducerRecord<?, ?>, RecordMetadata> send =
 *     builder.buildSendInstrumenter("send", RecordHeadersSetter.INSTANCE);
 * }</pre>
 *
 * @param <REQUEST> what one operation is about: a message, or a batch of them
 * @param <RESPONSE> what the operation returned, if anything
 */
public final class MessagingInstrumenterBuilder<REQUEST, RESPONSE> {

  private final OpenTelemetry openTelemetry;
  private final String instrumentationName;
  private final MessagingAttributesGetter<REQUEST, RESPONSE> getter;
  private final List<AttributesExtractor<? super REQUEST, ? super RESPONSE>> extractors =
      new ArrayList<>();
  private final List<SpanLinksExtractor<REQUEST>> linksExtractors = new ArrayList<>();
  private List<String> capturedHeaders = Collections.emptyList();
  private SpanNameExtractor<REQUEST> spanNameExtractor;
  private SpanKind receiveSpanKind = SpanKind.CONSUMER;

  private MessagingInstrumenterBuilder(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    this.instrumentationName = Objects.requireNonNull(instrumentationName, "instrumentationName");
    this.getter = Objects.requireNonNull(getter, "getter");
  }

  /**
   * @param instrumentationName the instrumentation scope of the spans and metrics, such as {@code
   *     io.lumen.kafka-clients-2.0}
   */
  public static <REQUEST, RESPONSE> MessagingInstrumenterBuilder<REQUEST, RESPONSE> create(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      MessagingAttributesGetter<REQUEST, RESPONSE> getter) {
    return new MessagingInstrumenterBuilder<>(openTelemetry, instrumentationName, getter);
  }

  /**
   * Message headers (or properties) to record as {@code messaging.header.<name>} string arrays.
   * None by default: headers often carry credentials and personal data.
   */
  public MessagingInstrumenterBuilder<REQUEST, RESPONSE> setCapturedHeaders(
      Collection<String> headerNames) {
    this.capturedHeaders = new ArrayList<>(headerNames);
    return this;
  }

  /** Attributes of the library's own, such as {@code messaging.kafka.offset}. */
  public MessagingInstrumenterBuilder<REQUEST, RESPONSE> addAttributesExtractor(
      AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor) {
    extractors.add(Objects.requireNonNull(extractor, "extractor"));
    return this;
  }

  /** Links to add to every span, for example to the creation context of each received message. */
  public MessagingInstrumenterBuilder<REQUEST, RESPONSE> addSpanLinksExtractor(
      SpanLinksExtractor<REQUEST> linksExtractor) {
    linksExtractors.add(Objects.requireNonNull(linksExtractor, "linksExtractor"));
    return this;
  }

  /**
   * Replaces the conventional span name, for a library whose destination cannot name a span as it
   * is (RabbitMQ's default exchange has the empty name).
   */
  public MessagingInstrumenterBuilder<REQUEST, RESPONSE> setSpanNameExtractor(
      SpanNameExtractor<REQUEST> spanNameExtractor) {
    this.spanNameExtractor = spanNameExtractor;
    return this;
  }

  /**
   * The kind of receive spans: {@link SpanKind#CONSUMER} (the default) or {@link SpanKind#CLIENT}.
   *
   * <p>The newest messaging conventions make receiving a CLIENT operation, since the application
   * asks the broker for messages as it would ask any server. Lumen keeps CONSUMER by default: it
   * is the kind the official Java agent reports, and the one back-ends expect at the consuming end
   * of a messaging edge (Tempo's service graph pairs PRODUCER with CONSUMER spans and CLIENT with
   * SERVER spans, so a CLIENT receive span waits there for a SERVER span that never comes).
   * Receive spans keep every attribute of the conventions either way.
   *
   * @throws IllegalArgumentException for any other kind
   */
  public MessagingInstrumenterBuilder<REQUEST, RESPONSE> setReceiveSpanKind(SpanKind kind) {
    if (kind != SpanKind.CONSUMER && kind != SpanKind.CLIENT) {
      throw new IllegalArgumentException("receive spans are CONSUMER or CLIENT, not " + kind);
    }
    this.receiveSpanKind = kind;
    return this;
  }

  /**
   * A PRODUCER instrumenter for sending (publishing) a message; {@code setter} writes the span's
   * context into the message, where the consumer's process instrumenter finds it.
   *
   * @param operationName the library's name of the operation, such as {@code send} or {@code
   *     publish}
   */
  public Instrumenter<REQUEST, RESPONSE> buildSendInstrumenter(
      String operationName, TextMapSetter<REQUEST> setter) {
    return builder(MessagingOperationType.SEND, operationName)
        .addOperationMetrics(MessagingProducerMetrics.getForOperationType())
        .buildProducerInstrumenter(setter);
  }

  /**
   * An instrumenter for receiving messages the application asked for (Kafka's {@code poll}, JMS's
   * {@code receive}, RabbitMQ's {@code basicGet}), of the kind {@link #setReceiveSpanKind} chose.
   * Its parent is the application's current context; the messages' own contexts are at most links
   * ({@link MessageCreationLinks}).
   */
  public Instrumenter<REQUEST, RESPONSE> buildReceiveInstrumenter(String operationName) {
    return builder(MessagingOperationType.RECEIVE, operationName)
        .addOperationMetrics(MessagingConsumerMetrics.getForOperationType())
        .buildInstrumenter(
            receiveSpanKind == SpanKind.CLIENT
                ? SpanKindExtractor.alwaysClient()
                : SpanKindExtractor.alwaysConsumer());
  }

  /**
   * A CONSUMER instrumenter for processing one delivered message (a listener, a callback, one turn
   * of a loop over received records). {@code getter} reads the producer's context from the message:
   * it becomes the span's parent, so that sender and processor are one trace.
   */
  public Instrumenter<REQUEST, RESPONSE> buildProcessInstrumenter(
      String operationName, TextMapGetter<REQUEST> headerGetter) {
    return builder(MessagingOperationType.PROCESS, operationName)
        .addOperationMetrics(MessagingProcessMetrics.get())
        .buildConsumerInstrumenter(headerGetter);
  }

  /**
   * A CONSUMER instrumenter for processing a batch of messages at once (a batch listener). A batch
   * has many senders, so none of them is the parent: the span is a child of the context it is
   * started in, and links to the messages' send spans belong in {@link #addSpanLinksExtractor}.
   */
  public Instrumenter<REQUEST, RESPONSE> buildBatchProcessInstrumenter(String operationName) {
    return builder(MessagingOperationType.PROCESS, operationName)
        .addOperationMetrics(MessagingProcessMetrics.get())
        .buildInstrumenter(SpanKindExtractor.alwaysConsumer());
  }

  private InstrumenterBuilder<REQUEST, RESPONSE> builder(
      MessagingOperationType operationType, String operationName) {
    SpanNameExtractor<REQUEST> names =
        spanNameExtractor != null
            ? spanNameExtractor
            : MessagingSpanNameExtractor.create(getter, operationType, operationName);
    InstrumenterBuilder<REQUEST, RESPONSE> builder =
        Instrumenter.<REQUEST, RESPONSE>builder(openTelemetry, instrumentationName, names)
            .addAttributesExtractor(
                MessagingAttributesExtractor.builder(getter, operationType, operationName)
                    .setCapturedHeaders(capturedHeaders)
                    .build())
            .addAttributesExtractors(extractors);
    for (SpanLinksExtractor<REQUEST> linksExtractor : linksExtractors) {
      builder.addSpanLinksExtractor(linksExtractor);
    }
    return builder;
  }
}
