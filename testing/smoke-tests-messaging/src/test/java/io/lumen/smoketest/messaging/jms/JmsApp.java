package io.lumen.smoketest.messaging.jms;

import io.lumen.smoketest.messaging.support.AppHttpServer;
import io.lumen.smoketest.messaging.support.OrderStore;
import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Queue;
import javax.jms.Session;
import javax.jms.TemporaryQueue;
import javax.jms.TextMessage;

/**
 * An order service on JMS ({@code javax.jms}, 1.1 API only), request-reply style. {@code GET
 * /orders?id=..} sends the order to a queue with a temporary reply queue and waits for the reply
 * with {@code receive}; a listener (a lambda) stores the order with JDBC and replies. Arguments: the
 * provider's {@code ConnectionFactory} class, the broker URL, the queue. Prints {@code JMS_VERSION
 * <version>} from the connection's metadata.
 *
 * <p>{@code JakartaJmsApp} is this class with {@code jakarta.jms} imports, generated from this
 * source by the build (see this module's pom.xml).
 */
public final class JmsApp {

  private JmsApp() {}

  public static void main(String[] args) throws Exception {
    ConnectionFactory factory =
        (ConnectionFactory)
            Class.forName(args[0]).getConstructor(String.class).newInstance(args[1]);
    OrderStore.create();
    Connection connection = factory.createConnection();
    System.out.println("JMS_VERSION " + connection.getMetaData().getJMSVersion());
    connection.start();

    Session listenerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    Queue orders = listenerSession.createQueue(args[2]);
    MessageProducer replies = listenerSession.createProducer(null);
    listenerSession
        .createConsumer(orders)
        .setMessageListener(
            message -> {
              try {
                String order = ((TextMessage) message).getText();
                OrderStore.store(order);
                TextMessage reply = listenerSession.createTextMessage("confirmed " + order);
                reply.setJMSCorrelationID(message.getJMSCorrelationID());
                replies.send(message.getJMSReplyTo(), reply);
              } catch (JMSException e) {
                e.printStackTrace();
              }
            });

    AppHttpServer.serve(
        "/orders",
        query -> {
          try {
            return placeOrder(connection, orders, query.get("id"));
          } catch (JMSException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static String placeOrder(Connection connection, Queue orders, String id)
      throws JMSException {
    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    try {
      TemporaryQueue replyQueue = session.createTemporaryQueue();
      MessageConsumer replies = session.createConsumer(replyQueue);
      TextMessage order = session.createTextMessage("order " + id);
      order.setJMSCorrelationID("order-" + id);
      order.setJMSReplyTo(replyQueue);
      session.createProducer(orders).send(order);
      Message reply = replies.receive(30_000);
      if (reply == null) {
        throw new IllegalStateException("no reply to order " + id);
      }
      return ((TextMessage) reply).getText();
    } finally {
      session.close();
    }
  }
}
