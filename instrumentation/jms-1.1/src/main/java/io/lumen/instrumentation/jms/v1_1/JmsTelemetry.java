package io.lumen.instrumentation.jms.v1_1;

import io.lumen.instrumentation.messaging.common.CompletedOperations;
import io.lumen.instrumentation.messaging.common.MessageCreationLinks;
import io.lumen.instrumentation.messaging.common.MessagingInstrumenterBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import javax.annotation.Nullable;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageListener;
import javax.jms.QueueReceiver;
import javax.jms.TopicSubscriber;

/**
 * JMS spans: {@code send {destination}} (PRODUCER) around {@code MessageProducer.send}, with the
 * span's context written into the message's properties; {@code process {destination}} (CONSUMER)
 * around each {@code MessageListener.onMessage}, a child of the span that sent the message; and
 * {@code receive {destination}} for a {@code MessageConsumer.receive} that returned a message,
 * linked to its sender. Temporary destinations are left out of span names.
 *
 * <p>Used by the agent from advice on the provider's producers, consumers and listeners; not a
 * public API.
 */
public final class JmsTelemetry {

  private final Instrumenter<JmsMessage, Void> sendInstrumenter;
  @Nullable private final Instrumenter<JmsMessage, Void> receiveInstrumenter;
  private final Instrumenter<JmsMessage, Void> processInstrumenter;

  private JmsTelemetry(
      Instrumenter<JmsMessage, Void> sendInstrumenter,
      @Nullable Instrumenter<JmsMessage, Void> receiveInstrumenter,
      Instrumenter<JmsMessage, Void> processInstrumenter) {
    this.sendInstrumenter = sendInstrumenter;
    this.receiveInstrumenter = receiveInstrumenter;
    this.processInstrumenter = processInstrumenter;
  }

  /**
   * @param capturedHeaders message properties to record as {@code messaging.header.<name>}
   * @param receiveTelemetry whether {@code receive} calls get receive spans
   * @param receiveSpanKind CONSUMER or CLIENT, see {@link
   *     MessagingInstrumenterBuilder#setReceiveSpanKind}
   */
  public static JmsTelemetry create(
      OpenTelemetry openTelemetry,
      Collection<String> capturedHeaders,
      boolean receiveTelemetry,
      SpanKind receiveSpanKind) {
    Instrumenter<JmsMessage, Void> send =
        builder(openTelemetry, capturedHeaders)
            .buildSendInstrumenter("send", MessageProperties.INSTANCE);
    Instrumenter<JmsMessage, Void> receive =
        receiveTelemetry
            ? builder(openTelemetry, capturedHeaders)
                .addSpanLinksExtractor(
                    MessageCreationLinks.create(
                        openTelemetry.getPropagators().getTextMapPropagator(),
                        Collections::singletonList,
                        MessageProperties.INSTANCE))
                .setReceiveSpanKind(receiveSpanKind)
                .buildReceiveInstrumenter("receive")
            : null;
    Instrumenter<JmsMessage, Void> process =
        builder(openTelemetry, capturedHeaders)
            .buildProcessInstrumenter("process", MessageProperties.INSTANCE);
    return new JmsTelemetry(send, receive, process);
  }

  private static MessagingInstrumenterBuilder<JmsMessage, Void> builder(
      OpenTelemetry openTelemetry, Collection<String> capturedHeaders) {
    return MessagingInstrumenterBuilder.create(
            openTelemetry, JmsNamespace.instrumentationName(), JmsAttributesGetter.INSTANCE)
        .setCapturedHeaders(capturedHeaders);
  }

  // ---- send

  /**
   * Starts the span of sending {@code message} to {@code destination} and writes its context
   * into the message's properties. A send inside another send (a provider's overloads calling one
   * another) gets no span of its own.
   *
   * @return the span's context, or null if there is to be no span
   */
  @Nullable
  public Context startSend(
      Context parentContext, Message message, @Nullable Destination destination) {
    JmsMessage request = JmsMessage.sent(message, destination);
    if (!sendInstrumenter.shouldStart(parentContext, request)) {
      return null;
    }
    return sendInstrumenter.start(parentContext, request);
  }

  public void endSend(
      Context context, Message message, @Nullable Destination destination, @Nullable Throwable error) {
    sendInstrumenter.end(context, JmsMessage.sent(message, destination), null, error);
  }

  // ---- process

  /**
   * Starts the span of processing a delivered message, with the sender's span as parent; null if
   * there is to be none (inside another process span of the same message, for example).
   */
  @Nullable
  public Context startProcess(Context parentContext, Message message) {
    JmsMessage request = JmsMessage.received(message);
    if (!processInstrumenter.shouldStart(parentContext, request)) {
      return null;
    }
    return processInstrumenter.start(parentContext, request);
  }

  public void endProcess(Context context, Message message, @Nullable Throwable error) {
    processInstrumenter.end(context, JmsMessage.received(message), null, error);
  }

  /**
   * The listener to register instead of the application's: it processes each message inside a
   * span. Needed for listeners written as lambdas, whose classes cannot be instrumented.
   */
  public MessageListener tracingListener(MessageListener listener) {
    if (listener instanceof TracingMessageListener) {
      return listener;
    }
    return new TracingMessageListener(listener, this);
  }

  /** The application's listener behind {@code listener}, if it is one of ours. */
  public static MessageListener applicationListener(MessageListener listener) {
    return listener instanceof TracingMessageListener
        ? ((TracingMessageListener) listener).delegate()
        : listener;
  }

  // ---- receive

  /**
   * Records the receive span of a {@code receive} that began at {@code startTime}.
   *
   * @param consumer the consumer that received it, for its destination
   */
  public void recordReceive(
      Context parentContext, MessageConsumer consumer, @Nullable Message message, Instant startTime) {
    if (receiveInstrumenter == null || message == null) {
      return;
    }
    JmsMessage request = JmsMessage.received(message, destinationOf(consumer));
    CompletedOperations.record(receiveInstrumenter, parentContext, request, null, null, startTime);
  }

  /** JMS 1.1 consumers say what they consume only as queue receivers or topic subscribers. */
  @Nullable
  private static Destination destinationOf(MessageConsumer consumer) {
    try {
      if (consumer instanceof QueueReceiver) {
        return ((QueueReceiver) consumer).getQueue();
      }
      if (consumer instanceof TopicSubscriber) {
        return ((TopicSubscriber) consumer).getTopic();
      }
    } catch (JMSException | RuntimeException notThatKind) {
      // A consumer implementing both interfaces answers only for the kind it is.
    }
    return null;
  }
}
