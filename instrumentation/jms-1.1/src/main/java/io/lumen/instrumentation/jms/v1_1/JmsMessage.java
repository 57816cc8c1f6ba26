package io.lumen.instrumentation.jms.v1_1;

import javax.annotation.Nullable;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;

/** A message and where it was sent to (or received from): the request of every JMS span. */
public final class JmsMessage {

  private final Message message;
  @Nullable private final Destination destination;

  private JmsMessage(Message message, @Nullable Destination destination) {
    this.message = message;
    this.destination = destination;
  }

  /** A message sent to {@code destination} (null when the provider could not say). */
  static JmsMessage sent(Message message, @Nullable Destination destination) {
    return new JmsMessage(message, destination);
  }

  /** A message received: its destination is the one it carries. */
  static JmsMessage received(Message message) {
    return received(message, null);
  }

  /**
   * A message received by a consumer of {@code consumerDestination}, when known: better than the
   * destination the message carries, which some providers (Artemis) rebuild from the address name,
   * losing whether it was temporary.
   */
  static JmsMessage received(Message message, @Nullable Destination consumerDestination) {
    if (consumerDestination != null) {
      return new JmsMessage(message, consumerDestination);
    }
    Destination destination;
    try {
      destination = message.getJMSDestination();
    } catch (JMSException | RuntimeException e) {
      destination = null;
    }
    return new JmsMessage(message, destination);
  }

  Message message() {
    return message;
  }

  @Nullable
  Destination destination() {
    return destination;
  }
}
