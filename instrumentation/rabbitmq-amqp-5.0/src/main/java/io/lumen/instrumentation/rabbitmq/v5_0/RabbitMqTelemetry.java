package io.lumen.instrumentation.rabbitmq.v5_0;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.lumen.instrumentation.messaging.common.CompletedOperations;
import io.lumen.instrumentation.messaging.common.MessageCreationLinks;
import io.lumen.instrumentation.messaging.common.MessagingInstrumenterBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanNameExtractor;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import javax.annotation.Nullable;

/**
 * The RabbitMQ client's spans: {@code publish {exchange}} (PRODUCER) around {@code basicPublish},
 * with the span's context added to the message's headers; {@code process {exchange}} (CONSUMER)
 * around each delivery to a {@link Consumer}, a child of the span that published the message; and
 * {@code receive {exchange}} for a {@code basicGet} that returned a message, linked to its
 * publisher.
 *
 * <p>The default exchange, whose name is empty, is named {@code amq.default} in span names, as the
 * broker itself calls it: a span name of just {@code publish} would lump every queue together.
 *
 * <p>Used by the agent from advice on the client's {@code ChannelN}; not a public API.
 */
public final class RabbitMqTelemetry {

  static final String INSTRUMENTATION_NAME = "io.lumen.rabbitmq-amqp-5.0";

  private final Instrumenter<AmqpMessage, Void> publishInstrumenter;
  @Nullable private final Instrumenter<AmqpMessage, Void> receiveInstrumenter;
  private final Instrumenter<AmqpMessage, Void> processInstrumenter;

  private RabbitMqTelemetry(
      Instrumenter<AmqpMessage, Void> publishInstrumenter,
      @Nullable Instrumenter<AmqpMessage, Void> receiveInstrumenter,
      Instrumenter<AmqpMessage, Void> processInstrumenter) {
    this.publishInstrumenter = publishInstrumenter;
    this.receiveInstrumenter = receiveInstrumenter;
    this.processInstrumenter = processInstrumenter;
  }

  /**
   * @param capturedHeaders message headers to record as {@code messaging.header.<name>}
   * @param receiveTelemetry whether {@code basicGet} calls get receive spans
   * @param receiveSpanKind CONSUMER or CLIENT, see {@link
   *     MessagingInstrumenterBuilder#setReceiveSpanKind}
   */
  public static RabbitMqTelemetry create(
      OpenTelemetry openTelemetry,
      Collection<String> capturedHeaders,
      boolean receiveTelemetry,
      SpanKind receiveSpanKind) {
    Instrumenter<AmqpMessage, Void> publish =
        builder(openTelemetry, capturedHeaders, "publish")
            .buildSendInstrumenter("publish", AmqpHeaders.INSTANCE);
    Instrumenter<AmqpMessage, Void> receive =
        receiveTelemetry
            ? builder(openTelemetry, capturedHeaders, "receive")
                .addSpanLinksExtractor(
                    MessageCreationLinks.create(
                        openTelemetry.getPropagators().getTextMapPropagator(),
                        Collections::singletonList,
                        AmqpHeaders.INSTANCE))
                .setReceiveSpanKind(receiveSpanKind)
                .buildReceiveInstrumenter("receive")
            : null;
    Instrumenter<AmqpMessage, Void> process =
        builder(openTelemetry, capturedHeaders, "process")
            .buildProcessInstrumenter("process", AmqpHeaders.INSTANCE);
    return new RabbitMqTelemetry(publish, receive, process);
  }

  private static MessagingInstrumenterBuilder<AmqpMessage, Void> builder(
      OpenTelemetry openTelemetry, Collection<String> capturedHeaders, String operationName) {
    SpanNameExtractor<AmqpMessage> names =
        message ->
            operationName
                + " "
                + (message.exchange().isEmpty() ? "amq.default" : message.exchange());
    return MessagingInstrumenterBuilder.create(
            openTelemetry, INSTRUMENTATION_NAME, AmqpAttributesGetter.INSTANCE)
        .setCapturedHeaders(capturedHeaders)
        .setSpanNameExtractor(names)
        .addAttributesExtractor(AmqpAttributesExtractor.INSTANCE);
  }

  // ---- publish

  /**
   * A message about to be published on {@code channel}; its headers are a copy of the
   * application's, ready to take the propagation headers.
   */
  public static AmqpMessage publishing(
      Channel channel,
      String exchange,
      String routingKey,
      @Nullable AMQP.BasicProperties properties,
      @Nullable byte[] body) {
    return new AmqpMessage(
        exchange,
        routingKey,
        properties,
        AmqpHeaders.copyOf(properties == null ? null : properties.getHeaders()),
        body,
        null,
        channel.getConnection());
  }

  /**
   * Starts the publish span and writes its context into {@code message}'s headers.
   *
   * @return the span's context, or null if there is to be no span
   */
  @Nullable
  public Context startPublish(Context parentContext, AmqpMessage message) {
    if (!publishInstrumenter.shouldStart(parentContext, message)) {
      return null;
    }
    return publishInstrumenter.start(parentContext, message);
  }

  /**
   * The properties to publish with: the application's, with the headers of {@code message}, which
   * now carry the trace context. (Properties are immutable, so this is a copy.)
   */
  public static AMQP.BasicProperties propertiesToSend(AmqpMessage message) {
    AMQP.BasicProperties properties = message.properties();
    AMQP.BasicProperties.Builder builder =
        properties == null ? new AMQP.BasicProperties.Builder() : properties.builder();
    return builder.headers(message.headers()).build();
  }

  public void endPublish(Context context, AmqpMessage message, @Nullable Throwable error) {
    publishInstrumenter.end(context, message, null, error);
  }

  // ---- consume

  /**
   * The consumer to register instead of the application's: it wraps each delivery in a process
   * span. A consumer already wrapped is returned as it is.
   */
  public Consumer tracingConsumer(Consumer consumer, Channel channel) {
    if (consumer instanceof TracingConsumer) {
      return consumer;
    }
    return new TracingConsumer(consumer, this, channel);
  }

  /** Starts the span of processing one delivery; null if there is to be none. */
  @Nullable
  Context startProcess(AmqpMessage message) {
    Context parentContext = Context.current();
    if (!processInstrumenter.shouldStart(parentContext, message)) {
      return null;
    }
    return processInstrumenter.start(parentContext, message);
  }

  void endProcess(Context context, AmqpMessage message, @Nullable Throwable error) {
    processInstrumenter.end(context, message, null, error);
  }

  static AmqpMessage delivered(
      Envelope envelope,
      @Nullable AMQP.BasicProperties properties,
      @Nullable byte[] body,
      Channel channel) {
    return new AmqpMessage(
        envelope.getExchange(),
        envelope.getRoutingKey(),
        properties,
        AmqpHeaders.of(properties == null ? null : properties.getHeaders()),
        body,
        envelope.getDeliveryTag(),
        channel.getConnection());
  }

  // ---- basicGet

  /** Records the receive span of a {@code basicGet} that began at {@code startTime}. */
  public void recordGet(
      Context parentContext, Channel channel, @Nullable GetResponse response, Instant startTime) {
    if (receiveInstrumenter == null || response == null) {
      return;
    }
    AmqpMessage message =
        delivered(response.getEnvelope(), response.getProps(), response.getBody(), channel);
    CompletedOperations.record(receiveInstrumenter, parentContext, message, null, null, startTime);
  }
}
