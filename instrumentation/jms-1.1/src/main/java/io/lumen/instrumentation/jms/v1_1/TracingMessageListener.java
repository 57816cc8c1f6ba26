package io.lumen.instrumentation.jms.v1_1;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import javax.jms.Message;
import javax.jms.MessageListener;

/**
 * Stands in for the application's listener and runs each message inside a process span whose
 * parent is the sender's span, so that what the listener does is part of the sender's trace.
 */
final class TracingMessageListener implements MessageListener {

  private final MessageListener delegate;
  private final JmsTelemetry telemetry;

  TracingMessageListener(MessageListener delegate, JmsTelemetry telemetry) {
    this.delegate = delegate;
    this.telemetry = telemetry;
  }

  MessageListener delegate() {
    return delegate;
  }

  @Override
  public void onMessage(Message message) {
    Context context = null;
    try {
      context = telemetry.startProcess(Context.current(), message);
    } catch (RuntimeException | LinkageError telemetryFailure) {
      // Deliver without a span rather than not at all.
    }
    if (context == null) {
      delegate.onMessage(message);
      return;
    }
    Throwable error = null;
    try (Scope ignored = context.makeCurrent()) {
      delegate.onMessage(message);
    } catch (RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      telemetry.endProcess(context, message, error);
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
