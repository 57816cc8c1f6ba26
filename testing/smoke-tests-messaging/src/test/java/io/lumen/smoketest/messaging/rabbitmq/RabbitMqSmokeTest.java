package io.lumen.smoketest.messaging.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.messaging.support.HttpCalls;
import io.lumen.smoketest.messaging.support.MessagingApps;
import io.lumen.smoketest.messaging.support.ReadyLine;
import io.lumen.smoketest.messaging.support.TestLibs;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.LocalService;
import io.lumen.testing.agent.RequiresService;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An order placed over HTTP is published to the machine's RabbitMQ, consumed, stored with JDBC and
 * confirmed on a server-named reply queue, and the agent shows all of it as one trace, with the
 * oldest and the newest supported client. The reply queue's generated name appears in no span name.
 */
@RequiresService(LocalService.RABBITMQ)
class RabbitMqSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @ParameterizedTest(name = "amqp-client {0}")
  @ValueSource(strings = {"oldest", "latest"})
  void orderIsOneTraceFromHttpRequestThroughRabbitMqToDatabase(String which) {
    String version = TestLibs.version("rabbitmq." + which);
    String exchange = "shop-" + which;
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            MessagingApps.builder(RabbitMqApp.class, receiver, "rabbitmq-" + which, "h2")
                .args(
                    LocalService.RABBITMQ.host(),
                    String.valueOf(LocalService.RABBITMQ.port()),
                    which)
                .name("rabbitmq-app-" + version)
                .start()) {
      app.waitForOutput("AMQP_CLIENT " + version, TIMEOUT);
      int port = ReadyLine.port(app, TIMEOUT);

      HttpCalls.get(port, "/orders?id=7");
      app.waitForOutput("CONFIRMED confirmed order 7", TIMEOUT);

      ReceivedTrace trace =
          receiver.awaitTrace(span -> span.name().equals("process amq.default"), 7, TIMEOUT);
      ReceivedSpan publish =
          TraceAssert.assertThat(trace)
              .hasSpanCount(7)
              .hasNoMissingParents()
              .hasNoErrors()
              .hasServerSpan("GET")
              .isRoot()
              .hasChild("publish " + exchange)
              .isProducer()
              .hasAttribute("messaging.system", "rabbitmq")
              .hasAttribute("messaging.destination.name", exchange)
              .hasAttribute("messaging.operation.type", "send")
              .hasAttribute("messaging.operation.name", "publish")
              .hasAttribute("messaging.rabbitmq.destination.routing_key", "order")
              .hasAttribute("messaging.message.id", "order-7")
              .hasAttribute("server.port", LocalService.RABBITMQ.port())
              .span();
      TraceAssert.assertThat(trace)
          .hasConsumerSpan("process " + exchange)
          .isChildOf(publish)
          .hasAttribute("messaging.operation.type", "process")
          .hasAttribute("messaging.destination.name", exchange)
          .hasAttribute("messaging.rabbitmq.message.delivery_tag")
          .withChild(db -> db.isClient().hasAttribute("db.operation.name", "INSERT"))
          .withChild(
              reply ->
                  reply
                      .isProducer()
                      .hasName("publish amq.default")
                      .hasAttributeSatisfying(
                          "messaging.rabbitmq.destination.routing_key",
                          key -> assertThat((String) key).startsWith("amq.gen-"))
                      .hasChild("process amq.default")
                      .isConsumer());
      assertThat(trace.spans())
          .extracting(ReceivedSpan::name)
          .noneMatch(name -> name.contains("amq.gen-"));

      // basicGet of the audit copy: a receive span linked to the publish inside the consumer.
      assertThat(HttpCalls.get(port, "/audit")).isEqualTo("order 7");
      ReceivedSpan auditPublish =
          trace.spans().stream()
              .filter(
                  span ->
                      span.name().equals("publish amq.default")
                          && ("audit-" + which)
                              .equals(span.attribute("messaging.rabbitmq.destination.routing_key")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no publish to the audit queue in " + trace));
      ReceivedSpan receive =
          receiver.awaitSpan(span -> span.name().equals("receive amq.default"), TIMEOUT);
      TraceAssert.assertThat(receiver.trace(receive.traceId()).orElseThrow())
          .hasServerSpan("GET")
          .hasChild("receive amq.default")
          .hasKind(ReceivedSpan.Kind.CONSUMER)
          .hasAttribute("messaging.system", "rabbitmq")
          .hasAttribute("messaging.operation.type", "receive")
          .hasAttribute("messaging.operation.name", "receive")
          .hasAttribute("messaging.rabbitmq.destination.routing_key", "audit-" + which);
      assertThat(receive.links())
          .anySatisfy(link -> assertThat(link.spanId()).isEqualTo(auditPublish.spanId()));
    }
  }
}
