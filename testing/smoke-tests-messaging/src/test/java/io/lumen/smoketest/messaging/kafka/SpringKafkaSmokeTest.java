package io.lumen.smoketest.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.messaging.support.HttpCalls;
import io.lumen.smoketest.messaging.support.MessagingApps;
import io.lumen.smoketest.messaging.support.ReadyLine;
import io.lumen.smoketest.messaging.support.TestLibs;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.SpanAssert;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Orders placed over HTTP go through Spring Kafka's {@code KafkaTemplate}, a real broker and
 * Spring Kafka listener containers into the database, with the oldest and the newest supported
 * spring-kafka: each record a record listener gets is one process span, a child of the send and
 * the parent of the listener's JDBC call, failed when the listener throws; each batch a batch
 * listener gets is one process span linked to every send. The Kafka client instrumentation, which
 * would otherwise open a process span per record the container takes from the polled records,
 * adds none: exactly one process span per record (per delivery) or batch. The same holds for
 * {@code @KafkaListener} methods of a Spring application context, on a concurrent container.
 */
class SpringKafkaSmokeTest extends KafkaBrokerSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String SCOPE = "io.lumen.spring-kafka-2.7";

  @ParameterizedTest(name = "spring-kafka {0}")
  @ValueSource(strings = {"oldest", "latest"})
  void listenerInvocationsAreProcessSpansInTheProducersTrace(String which) {
    String version = TestLibs.version("spring-kafka." + which);
    String orders = "spring-orders-" + which;
    String batch = "spring-batch-" + which;
    String group = "shipping-" + which;
    String service = "spring-kafka-" + which;
    try (ForkedJvm app =
        MessagingApps.builder(SpringKafkaApp.class, receiver, "spring-kafka-" + which, "h2")
            .serviceName(service)
            .args(broker.bootstrapServers(), orders, batch, group)
            .name("spring-kafka-app-" + version)
            .start()) {
      app.waitForOutput("SPRING_KAFKA " + version, TIMEOUT);
      int port = ReadyLine.port(app, TIMEOUT);

      // A record listener: HTTP request -> send -> process -> JDBC, one trace.
      HttpCalls.get(port, "/orders?id=42");
      app.waitForOutput("PROCESSED order 42", TIMEOUT);
      ReceivedTrace order =
          receiver.awaitTrace(
              span -> span.name().equals("process " + orders) && service.equals(span.serviceName()),
              4,
              TIMEOUT);
      ReceivedSpan send =
          TraceAssert.assertThat(order)
              .hasNoMissingParents()
              .hasNoErrors()
              .hasServerSpan("GET")
              .isRoot()
              .hasChild("send " + orders)
              .isProducer()
              .hasAttribute("messaging.kafka.message.key", "42")
              .span();
      ReceivedSpan process =
          TraceAssert.assertThat(order)
              .hasConsumerSpan("process " + orders)
              .isChildOf(send)
              .hasScopeName(SCOPE)
              .hasAttribute("messaging.system", "kafka")
              .hasAttribute("messaging.destination.name", orders)
              .hasAttribute("messaging.operation.type", "process")
              .hasAttribute("messaging.operation.name", "process")
              .hasAttribute("messaging.consumer.group.name", group + "-orders")
              .hasAttribute("messaging.client.id", group + "-orders-client")
              .hasAttribute("messaging.kafka.message.key", "42")
              .hasAttribute("messaging.kafka.offset")
              .isNotError()
              .withChild(db -> db.isClient().hasAttribute("db.operation.name", "INSERT"))
              .span();
      // The poll that fetched the record is still recorded, and the process span links to it.
      ReceivedSpan poll =
          receiver.awaitSpan(
              span -> span.name().equals("poll " + orders) && service.equals(span.serviceName()),
              TIMEOUT);
      assertThat(process.links())
          .anySatisfy(link -> assertThat(link.spanId()).isEqualTo(poll.spanId()));

      // A listener that throws: every delivery of the record is a failed process span.
      HttpCalls.get(port, "/orders?id=13&poison=1");
      app.waitForOutput("REFUSED poison 13", TIMEOUT);
      ReceivedSpan refused =
          receiver.awaitSpan(
              span ->
                  span.name().equals("process " + orders)
                      && "13".equals(span.attribute("messaging.kafka.message.key")),
              TIMEOUT);
      ReceivedTrace poison =
          receiver.awaitTrace(span -> span.spanId().equals(refused.spanId()), 3, TIMEOUT);
      ReceivedSpan poisonSend =
          TraceAssert.assertThat(poison).hasProducerSpan("send " + orders).isChildOf("GET").span();
      List<ReceivedSpan> deliveries = processSpans(poison, orders);
      assertThat(deliveries).isNotEmpty();
      for (ReceivedSpan delivery : deliveries) {
        assertThat(delivery.parentSpanId()).isEqualTo(poisonSend.spanId());
        assertThat(poison.children(delivery)).as("what the refusing listener called").isEmpty();
        SpanAssert.assertThat(delivery)
            .hasScopeName(SCOPE)
            .isError()
            .hasException("java.lang.IllegalStateException");
      }

      // A batch listener: one process span for the batch, linked to each send, parent of each
      // JDBC call.
      HttpCalls.get(port, "/batch?ids=1,2,3");
      app.waitForOutput("BATCH 3", TIMEOUT);
      ReceivedSpan batchSpan =
          receiver.awaitSpan(
              span -> span.name().equals("process " + batch) && service.equals(span.serviceName()),
              TIMEOUT);
      ReceivedTrace batchTrace =
          receiver.awaitTrace(span -> span.spanId().equals(batchSpan.spanId()), 5, TIMEOUT);
      TraceAssert.assertThat(batchTrace)
          .hasNoMissingParents()
          .hasConsumerSpan("process " + batch)
          .isChildOf("poll " + batch)
          .hasScopeName(SCOPE)
          .hasAttribute("messaging.operation.type", "process")
          .hasAttribute("messaging.destination.name", batch)
          .hasAttribute("messaging.batch.message_count", 3)
          .hasAttribute("messaging.consumer.group.name", group + "-batch")
          .hasChildCount(3)
          .withChild(db -> db.isClient().hasAttribute("db.operation.name", "INSERT"));
      List<ReceivedSpan> batchSends =
          receiver.spans(
              span -> span.name().equals("send " + batch) && service.equals(span.serviceName()));
      assertThat(batchSends).hasSize(3);
      assertThat(batchSpan.links())
          .extracting(ReceivedSpan.Link::spanId)
          .containsExactlyInAnyOrderElementsOf(
              batchSends.stream().map(ReceivedSpan::spanId).toList());

      // Exactly one process span per record and per batch: once a later order's process span is
      // in, anything the earlier ones could still have had in flight is too.
      HttpCalls.get(port, "/orders?id=43");
      app.waitForOutput("PROCESSED order 43", TIMEOUT);
      receiver.awaitSpan(
          span ->
              span.name().equals("process " + orders)
                  && "43".equals(span.attribute("messaging.kafka.message.key")),
          TIMEOUT);
      assertThat(processSpans(receiver.trace(order.traceId()).orElseThrow(), orders)).hasSize(1);
      assertThat(
              receiver.spans(
                  span ->
                      span.name().equals("process " + batch) && service.equals(span.serviceName())))
          .as("process spans of the batch")
          .hasSize(1);
      assertThat(
              receiver.spans(
                  span ->
                      service.equals(span.serviceName())
                          && span.name().startsWith("process ")
                          && !span.scopeName().equals(SCOPE)))
          .as("process spans of the Kafka client instrumentation")
          .isEmpty();
    }
  }

  /**
   * A Spring application context as applications write one: {@code @EnableKafka}, a
   * {@code ConcurrentKafkaListenerContainerFactory} with concurrency 2 and a {@code @KafkaListener}
   * method that writes to the database ({@link SpringKafkaListenerApp}). Each record the listener
   * gets, on either consumer of the concurrent container, is one CONSUMER process span, a child of
   * its send span and the parent of the listener's JDBC call; a refused record is a failed process
   * span per delivery, exactly as many as the error handler makes, and nothing is recorded twice.
   */
  @ParameterizedTest(name = "@KafkaListener, spring-kafka {0}")
  @ValueSource(strings = {"oldest", "latest"})
  void kafkaListenerMethodsOfASpringContextAreProcessSpansInTheProducersTrace(String which) {
    String version = TestLibs.version("spring-kafka." + which);
    String topic = "listener-orders-" + which;
    String group = "invoicing-" + which;
    String service = "spring-kafka-listener-" + which;
    try (ForkedJvm app =
        MessagingApps.builder(SpringKafkaListenerApp.class, receiver, "spring-kafka-" + which, "h2")
            .serviceName(service)
            .args(broker.bootstrapServers(), topic, group)
            .name("spring-kafka-listener-app-" + version)
            .start()) {
      app.waitForOutput("SPRING_KAFKA " + version, TIMEOUT);
      app.waitForOutput("LISTENING consumers=2", TIMEOUT);
      int port = ReadyLine.port(app, TIMEOUT);

      // Order 42 goes to partition 0, order 43 to partition 1: one for each consumer.
      Set<Object> clientIds = new HashSet<>();
      for (String id : List.of("42", "43")) {
        HttpCalls.get(port, "/orders?id=" + id);
        app.waitForOutput("PROCESSED order " + id, TIMEOUT);
        ReceivedTrace order =
            receiver.awaitTrace(span -> isProcessSpanOf(span, service, topic, id), 4, TIMEOUT);
        ReceivedSpan send =
            TraceAssert.assertThat(order)
                .hasSpanCount(4)
                .hasNoMissingParents()
                .hasNoErrors()
                .hasServerSpan("GET")
                .isRoot()
                .hasChild("send " + topic)
                .isProducer()
                .hasAttribute("messaging.kafka.message.key", id)
                .span();
        ReceivedSpan process =
            TraceAssert.assertThat(order)
                .hasConsumerSpan("process " + topic)
                .isChildOf(send)
                .hasScopeName(SCOPE)
                .hasAttribute("messaging.system", "kafka")
                .hasAttribute("messaging.destination.name", topic)
                .hasAttribute("messaging.destination.partition.id", partitionOf(id))
                .hasAttribute("messaging.operation.type", "process")
                .hasAttribute("messaging.consumer.group.name", group)
                .hasAttribute("messaging.kafka.message.key", id)
                .isNotError()
                .withChild(db -> db.isClient().hasAttribute("db.operation.name", "INSERT"))
                .span();
        clientIds.add(process.attribute("messaging.client.id"));
      }
      assertThat(clientIds)
          .as("the two consumers of the concurrent container")
          .containsExactlyInAnyOrder(group + "-client-0", group + "-client-1");

      // A refused record: the error handler delivers it DELIVERIES times, then gives up.
      HttpCalls.get(port, "/orders?id=13&poison=1");
      app.waitForOutput("GAVE UP poison 13", TIMEOUT);
      List<ReceivedSpan> deliveries =
          receiver.awaitSpans(
              span -> isProcessSpanOf(span, service, topic, "13"),
              SpringKafkaListenerApp.DELIVERIES,
              TIMEOUT);
      ReceivedTrace poison =
          receiver.awaitTrace(
              span -> span.spanId().equals(deliveries.get(0).spanId()),
              2 + SpringKafkaListenerApp.DELIVERIES,
              TIMEOUT);
      ReceivedSpan poisonSend =
          TraceAssert.assertThat(poison).hasProducerSpan("send " + topic).isChildOf("GET").span();
      for (ReceivedSpan delivery : deliveries) {
        assertThat(delivery.parentSpanId()).isEqualTo(poisonSend.spanId());
        assertThat(poison.children(delivery)).as("what the refusing listener called").isEmpty();
        SpanAssert.assertThat(delivery)
            .hasScopeName(SCOPE)
            .isError()
            .hasException("java.lang.IllegalStateException");
      }

      // Exactly one span of each kind per record and delivery: once a later order's process span
      // is in, anything the earlier ones could still have had in flight is too.
      HttpCalls.get(port, "/orders?id=44");
      app.waitForOutput("PROCESSED order 44", TIMEOUT);
      receiver.awaitSpan(span -> isProcessSpanOf(span, service, topic, "44"), TIMEOUT);
      assertThat(app.stdout().lines().filter(line -> line.equals("REFUSED poison 13")))
          .as("deliveries of the refused record")
          .hasSize(SpringKafkaListenerApp.DELIVERIES);
      assertThat(receiver.spans(span -> isProcessSpanOf(span, service, topic, "13")))
          .as("process spans of the refused record")
          .hasSize(SpringKafkaListenerApp.DELIVERIES);
      for (String id : List.of("42", "43", "44")) {
        assertThat(receiver.spans(span -> isProcessSpanOf(span, service, topic, id)))
            .as("process spans of order %s", id)
            .hasSize(1);
        assertThat(
                receiver.spans(
                    span ->
                        service.equals(span.serviceName())
                            && span.name().equals("send " + topic)
                            && id.equals(span.attribute("messaging.kafka.message.key"))))
            .as("send spans of order %s", id)
            .hasSize(1);
      }
      assertThat(
              receiver.spans(
                  span ->
                      service.equals(span.serviceName())
                          && span.name().startsWith("process ")
                          && !span.scopeName().equals(SCOPE)))
          .as("process spans of the Kafka client instrumentation")
          .isEmpty();
    }
  }

  /** The partition {@link SpringKafkaListenerApp} sends an order to. */
  private static String partitionOf(String id) {
    return String.valueOf(Integer.parseInt(id) % 2);
  }

  private static boolean isProcessSpanOf(
      ReceivedSpan span, String service, String topic, String key) {
    return service.equals(span.serviceName())
        && span.name().equals("process " + topic)
        && key.equals(span.attribute("messaging.kafka.message.key"));
  }

  private static List<ReceivedSpan> processSpans(ReceivedTrace trace, String topic) {
    return trace.spans().stream().filter(span -> span.name().equals("process " + topic)).toList();
  }
}
