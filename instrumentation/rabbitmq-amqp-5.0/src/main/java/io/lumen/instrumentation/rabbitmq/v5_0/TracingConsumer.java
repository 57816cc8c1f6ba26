package io.lumen.instrumentation.rabbitmq.v5_0;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;

/**
 * Stands in for the application's consumer and runs each delivery inside a process span whose
 * parent is the publisher's span, so that what the application does with the message (a database
 * call, another publish) is part of the publisher's trace. Everything else is passed on as it is.
 */
final class TracingConsumer implements Consumer {

  private final Consumer delegate;
  private final RabbitMqTelemetry telemetry;
  private final Channel channel;

  TracingConsumer(Consumer delegate, RabbitMqTelemetry telemetry, Channel channel) {
    this.delegate = delegate;
    this.telemetry = telemetry;
    this.channel = channel;
  }

  @Override
  public void handleDelivery(
      String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
      throws IOException {
    AmqpMessage message = null;
    Context context = null;
    try {
      message = RabbitMqTelemetry.delivered(envelope, properties, body, channel);
      context = telemetry.startProcess(message);
    } catch (RuntimeException | LinkageError telemetryFailure) {
      // Deliver without a span rather than not at all.
    }
    if (context == null) {
      delegate.handleDelivery(consumerTag, envelope, properties, body);
      return;
    }
    Throwable error = null;
    try (Scope ignored = context.makeCurrent()) {
      delegate.handleDelivery(consumerTag, envelope, properties, body);
    } catch (IOException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      telemetry.endProcess(context, message, error);
    }
  }

  @Override
  public void handleConsumeOk(String consumerTag) {
    delegate.handleConsumeOk(consumerTag);
  }

  @Override
  public void handleCancelOk(String consumerTag) {
    delegate.handleCancelOk(consumerTag);
  }

  @Override
  public void handleCancel(String consumerTag) throws IOException {
    delegate.handleCancel(consumerTag);
  }

  @Override
  public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
    delegate.handleShutdownSignal(consumerTag, signal);
  }

  @Override
  public void handleRecoverOk(String consumerTag) {
    delegate.handleRecoverOk(consumerTag);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
