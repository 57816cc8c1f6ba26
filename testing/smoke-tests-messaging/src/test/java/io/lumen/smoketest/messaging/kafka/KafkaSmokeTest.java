package io.lumen.smoketest.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.messaging.support.HttpCalls;
import io.lumen.smoketest.messaging.support.MessagingApps;
import io.lumen.smoketest.messaging.support.ReadyLine;
import io.lumen.smoketest.messaging.support.TestLibs;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An order placed over HTTP travels through a Kafka producer, a real broker and a consumer loop
 * into the database, and the agent shows it as one trace, with the oldest and the newest supported
 * client.
 */
class KafkaSmokeTest extends KafkaBrokerSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @ParameterizedTest(name = "kafka-clients {0}")
  @ValueSource(strings = {"oldest", "latest"})
  void orderIsOneTraceFromHttpRequestThroughKafkaToDatabase(String which) {
    String version = TestLibs.version("kafka." + which);
    String topic = "orders-" + which;
    String group = "billing-" + which;
    try (ForkedJvm app =
        MessagingApps.builder(KafkaApp.class, receiver, "kafka-" + which, "h2")
            .args(broker.bootstrapServers(), topic, group)
            .name("kafka-app-" + version)
            .start()) {
      app.waitForOutput("KAFKA_CLIENTS " + version, TIMEOUT);
      int port = ReadyLine.port(app, TIMEOUT);

      HttpCalls.get(port, "/orders?id=42");
      app.waitForOutput("PROCESSED order 42", TIMEOUT);

      ReceivedTrace trace =
          receiver.awaitTrace(span -> span.name().equals("process " + topic), 4, TIMEOUT);
      ReceivedSpan send =
          TraceAssert.assertThat(trace)
              .hasNoMissingParents()
              .hasNoErrors()
              .hasServerSpan("GET")
              .isRoot()
              .hasChild("send " + topic)
              .isProducer()
              .hasAttribute("messaging.system", "kafka")
              .hasAttribute("messaging.destination.name", topic)
              .hasAttribute("messaging.operation.type", "send")
              .hasAttribute("messaging.operation.name", "send")
              .hasAttribute("messaging.destination.partition.id", "0")
              .hasAttribute("messaging.kafka.message.key", "42")
              .hasAttribute("messaging.kafka.offset")
              .span();
      TraceAssert.assertThat(trace)
          .hasConsumerSpan("process " + topic)
          .isChildOf(send)
          .hasAttribute("messaging.system", "kafka")
          .hasAttribute("messaging.destination.name", topic)
          .hasAttribute("messaging.operation.type", "process")
          .hasAttribute("messaging.consumer.group.name", group)
          .hasAttribute("messaging.client.id", group + "-client")
          .hasAttribute("messaging.kafka.message.key", "42")
          .withChild(db -> db.isClient().hasAttribute("db.operation.name", "INSERT"));

      // The poll that fetched the record: a span of the consumer's own, linked to the send; a
      // CONSUMER span (otel.instrumentation.messaging.receive-span-kind), with the attributes of
      // the stable conventions.
      ReceivedSpan poll = receiver.awaitSpan(span -> span.name().equals("poll " + topic), TIMEOUT);
      TraceAssert.assertThat(receiver.trace(poll.traceId()).orElseThrow())
          .hasSpan("poll " + topic)
          .hasKind(ReceivedSpan.Kind.CONSUMER)
          .hasAttribute("messaging.system", "kafka")
          .hasAttribute("messaging.destination.name", topic)
          .hasAttribute("messaging.client.id", group + "-client")
          .hasAttribute("messaging.operation.type", "receive")
          .hasAttribute("messaging.operation.name", "poll")
          .hasAttribute("messaging.consumer.group.name", group)
          .hasAttribute("messaging.batch.message_count", 1);
      // Duration metrics by operation, destination and group; each await fails if none arrives.
      receiver.awaitMetric(
          metric ->
              metric.name().equals("messaging.client.operation.duration")
                  && metric.pointWithAttribute("messaging.operation.type", "send").isPresent()
                  && metric.pointWithAttribute("messaging.destination.name", topic).isPresent(),
          TIMEOUT);
      receiver.awaitMetric(
          metric ->
              metric.name().equals("messaging.process.duration")
                  && metric.pointWithAttribute("messaging.consumer.group.name", group).isPresent(),
          TIMEOUT);
      assertThat(poll.links())
          .anySatisfy(
              link -> {
                assertThat(link.traceId()).isEqualTo(send.traceId());
                assertThat(link.spanId()).isEqualTo(send.spanId());
              });
    }
  }
}
