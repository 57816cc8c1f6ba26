package io.lumen.smoketest.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.messaging.support.HttpCalls;
import io.lumen.smoketest.messaging.support.MessagingApps;
import io.lumen.smoketest.messaging.support.ReadyLine;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request-reply order over JMS, through an embedded Artemis broker, is one trace from the HTTP
 * request through the send, the listener (and its database call and reply) to the requester's
 * receive of the reply; the temporary reply queue's generated name appears in no span name. For
 * javax.jms 1.1 (the ActiveMQ 5 client) and 2.0 (Artemis), and jakarta.jms 3.0 and 3.1 (Artemis).
 */
class JmsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String ARTEMIS = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";
  private static final String ACTIVEMQ_5 = "org.apache.activemq.ActiveMQConnectionFactory";

  @TempDir static Path brokerDirectory;

  private static ArtemisBroker broker;
  private static OtlpReceiver receiver;

  @BeforeAll
  static void startBroker() throws Exception {
    receiver = OtlpReceiver.start();
    broker = ArtemisBroker.start(brokerDirectory);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "jms-1.1, 1.1, " + ACTIVEMQ_5,
    "jms-2.0, 2.0, " + ARTEMIS,
    "jakarta-3.0, 3.0, " + ARTEMIS,
    "jakarta-3.1, 3.1, " + ARTEMIS
  })
  void orderIsOneTraceFromHttpRequestThroughJmsToDatabaseAndBack(
      String libraries, String jmsVersion, String connectionFactory) {
    Class<?> appClass = libraries.startsWith("jakarta") ? JakartaJmsApp.class : JmsApp.class;
    String queue = "orders-" + libraries;
    try (ForkedJvm app =
        MessagingApps.builder(appClass, receiver, libraries, "h2")
            .args(connectionFactory, broker.url(), queue)
            .name("jms-app-" + libraries)
            .start()) {
      app.waitForOutput("JMS_VERSION " + jmsVersion, TIMEOUT);
      int port = ReadyLine.port(app, TIMEOUT);

      assertThat(HttpCalls.get(port, "/orders?id=3")).isEqualTo("confirmed order 3");

      ReceivedTrace trace =
          receiver.awaitTrace(span -> span.name().equals("process " + queue), 6, TIMEOUT);
      TraceAssert.assertThat(trace).hasSpanCount(6).hasNoMissingParents().hasNoErrors();
      ReceivedSpan server = TraceAssert.assertThat(trace).hasServerSpan("GET").isRoot().span();
      ReceivedSpan reply =
          TraceAssert.assertThat(trace)
              .hasProducerSpan("send " + queue)
              .isChildOf(server)
              .hasAttribute("messaging.system", "jms")
              .hasAttribute("messaging.destination.name", queue)
              .hasAttribute("messaging.operation.type", "send")
              .hasAttribute("messaging.message.conversation_id", "order-3")
              .hasAttribute("messaging.message.id")
              .hasChild("process " + queue)
              .isConsumer()
              .hasAttribute("messaging.operation.type", "process")
              .hasAttribute("messaging.destination.name", queue)
              .withChild(db -> db.isClient().hasAttribute("db.operation.name", "INSERT"))
              .hasChild("send")
              .isProducer()
              .hasAttribute("messaging.destination.temporary", true)
              .span();
      ReceivedSpan receive =
          TraceAssert.assertThat(trace)
              .hasSpan("receive")
              .isChildOf(server)
              .hasKind(ReceivedSpan.Kind.CONSUMER)
              .hasAttribute("messaging.system", "jms")
              .hasAttribute("messaging.operation.type", "receive")
              .hasAttribute("messaging.operation.name", "receive")
              .hasAttribute("messaging.destination.temporary", true)
              .span();
      assertThat(receive.links())
          .anySatisfy(link -> assertThat(link.spanId()).isEqualTo(reply.spanId()));
    }
  }

  /**
   * {@code otel.instrumentation.messaging.receive-span-kind}: {@code client} makes receive spans
   * CLIENT spans, as the newest conventions have them; a value that is neither {@code consumer} nor
   * {@code client} gets one warning naming the key, the value and the default, and the default.
   */
  @ParameterizedTest(name = "receive-span-kind={0}")
  @CsvSource({"client, CLIENT, 0", "server, CONSUMER, 1"})
  void receiveSpanKindFollowsTheSetting(
      String setting, ReceivedSpan.Kind expectedKind, int expectedWarnings) {
    String queue = "kinds-" + setting;
    try (ForkedJvm app =
        MessagingApps.builder(JmsApp.class, receiver, "jms-2.0", "h2")
            .systemProperty("otel.instrumentation.messaging.receive-span-kind", setting)
            .args(ARTEMIS, broker.url(), queue)
            .name("jms-app-receive-span-kind-" + setting)
            .start()) {
      int port = ReadyLine.port(app, TIMEOUT);

      assertThat(HttpCalls.get(port, "/orders?id=8")).isEqualTo("confirmed order 8");

      ReceivedTrace trace =
          receiver.awaitTrace(span -> span.name().equals("process " + queue), 6, TIMEOUT);
      TraceAssert.assertThat(trace)
          .hasServerSpan("GET")
          .hasChild("receive")
          .hasKind(expectedKind)
          .hasAttribute("messaging.system", "jms")
          .hasAttribute("messaging.operation.type", "receive")
          .hasAttribute("messaging.operation.name", "receive")
          .hasAttribute("messaging.destination.temporary", true);
      List<String> warnings =
          app.stderr()
              .lines()
              .filter(line -> line.contains("messaging.receive-span-kind"))
              .toList();
      assertThat(warnings).hasSize(expectedWarnings);
      if (expectedWarnings > 0) {
        assertThat(warnings.get(0))
            .contains("WARN", "Invalid value for", "'" + setting + "'", "default: consumer");
      }
    }
  }
}
