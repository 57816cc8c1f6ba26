package io.lumen.smoketest.messaging.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.lumen.smoketest.messaging.support.AppHttpServer;
import io.lumen.smoketest.messaging.support.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An order service on RabbitMQ. {@code GET /orders?id=..} publishes the order to a direct exchange;
 * a consumer stores it with JDBC, confirms it on a server-named (anonymous) reply queue, whose own
 * consumer prints {@code CONFIRMED <body>}, and files a copy in an audit queue. {@code GET /audit}
 * takes one message from the audit queue with {@code basicGet}. Arguments: broker host and port, a
 * name that keeps this run's exchange and queues apart from others'.
 */
public final class RabbitMqApp {

  private RabbitMqApp() {}

  public static void main(String[] args) throws Exception {
    String exchange = "shop-" + args[2];
    String orders = "orders-" + args[2];
    String audit = "audit-" + args[2];
    System.out.println("AMQP_CLIENT " + clientVersion());
    OrderStore.create();

    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(args[0]);
    factory.setPort(Integer.parseInt(args[1]));
    factory.setUsername("guest");
    factory.setPassword("guest");
    Connection connection = factory.newConnection();
    Channel publisher = connection.createChannel();
    Channel consumer = connection.createChannel();

    publisher.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, false, true, null);
    publisher.queueDeclare(orders, false, false, true, null);
    publisher.queueDeclare(audit, false, false, true, null);
    publisher.queuePurge(audit);
    publisher.queueBind(orders, exchange, "order");
    String replies = consumer.queueDeclare().getQueue(); // amq.gen-..., new for every client

    consumer.basicConsume(
        replies,
        true,
        (tag, delivery) ->
            System.out.println(
                "CONFIRMED " + new String(delivery.getBody(), StandardCharsets.UTF_8)),
        tag -> {});
    consumer.basicConsume(
        orders,
        true,
        new DefaultConsumer(consumer) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
              throws IOException {
            String order = new String(body, StandardCharsets.UTF_8);
            OrderStore.store(order);
            Channel channel = getChannel();
            channel.basicPublish("", replies, null, bytes("confirmed " + order));
            channel.basicPublish("", audit, null, body);
          }
        });

    AppHttpServer.serve(
        Map.of(
            "/orders",
            query -> {
              String id = query.get("id");
              AMQP.BasicProperties properties =
                  new AMQP.BasicProperties.Builder().messageId("order-" + id).build();
              publish(publisher, exchange, properties, bytes("order " + id));
              return "published";
            },
            "/audit",
            query -> {
              GetResponse response = get(publisher, audit);
              return response == null
                  ? "empty"
                  : new String(response.getBody(), StandardCharsets.UTF_8);
            }));
  }

  private static void publish(
      Channel channel, String exchange, AMQP.BasicProperties properties, byte[] body) {
    try {
      synchronized (channel) { // channels are not for concurrent publishing
        channel.basicPublish(exchange, "order", properties, body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GetResponse get(Channel channel, String queue) {
    try {
      synchronized (channel) {
        return channel.basicGet(queue, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String clientVersion() throws ReflectiveOperationException {
    return String.valueOf(
        Class.forName("com.rabbitmq.client.impl.ClientVersion").getField("VERSION").get(null));
  }
}
