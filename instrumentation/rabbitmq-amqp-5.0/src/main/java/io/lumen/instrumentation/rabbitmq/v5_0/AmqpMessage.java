package io.lumen.instrumentation.rabbitmq.v5_0;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import java.net.InetAddress;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * One message as the instrumentation sees it, whatever the operation: published, delivered to a
 * consumer or fetched with {@code basicGet}. The exchange and routing key are the message's own (as
 * published, or from its envelope); the headers are those it was published with.
 */
public final class AmqpMessage {

  private final String exchange;
  private final String routingKey;
  @Nullable private final AMQP.BasicProperties properties;
  private final Map<String, Object> headers;
  @Nullable private final byte[] body;
  @Nullable private final Long deliveryTag;
  @Nullable private final Connection connection;

  AmqpMessage(
      @Nullable String exchange,
      @Nullable String routingKey,
      @Nullable AMQP.BasicProperties properties,
      Map<String, Object> headers,
      @Nullable byte[] body,
      @Nullable Long deliveryTag,
      @Nullable Connection connection) {
    this.exchange = exchange == null ? "" : exchange;
    this.routingKey = routingKey == null ? "" : routingKey;
    this.properties = properties;
    this.headers = headers;
    this.body = body;
    this.deliveryTag = deliveryTag;
    this.connection = connection;
  }

  /** The exchange; empty for the default exchange. */
  String exchange() {
    return exchange;
  }

  String routingKey() {
    return routingKey;
  }

  @Nullable
  AMQP.BasicProperties properties() {
    return properties;
  }

  Map<String, Object> headers() {
    return headers;
  }

  @Nullable
  byte[] body() {
    return body;
  }

  @Nullable
  Long deliveryTag() {
    return deliveryTag;
  }

  @Nullable
  InetAddress brokerAddress() {
    return connection == null ? null : connection.getAddress();
  }

  int brokerPort() {
    return connection == null ? -1 : connection.getPort();
  }
}
