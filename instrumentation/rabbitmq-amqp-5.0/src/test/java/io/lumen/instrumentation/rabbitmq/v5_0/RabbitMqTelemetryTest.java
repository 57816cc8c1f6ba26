package io.lumen.instrumentation.rabbitmq.v5_0;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Publish and delivery without a broker: the published properties carry the context (and keep the
 * application's own headers), and the consumer stand-in processes the delivery in a child span of
 * the publish, recording the consumer's failure. The agent test in testing/smoke-tests-messaging
 * runs the same against RabbitMQ.
 */
class RabbitMqTelemetryTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final RabbitMqTelemetry telemetry =
      RabbitMqTelemetry.create(
          otel.getOpenTelemetry(), Collections.emptyList(), true, SpanKind.CONSUMER);
  private final Channel channel = mock(Channel.class);

  @Test
  void deliveryIsProcessedInAChildOfThePublishSpan() throws Exception {
    AMQP.BasicProperties published = publish("", "amq.gen-reply", "hello");
    AtomicReference<Span> currentInConsumer = new AtomicReference<>();
    Consumer consumer =
        telemetry.tracingConsumer(
            new DefaultConsumer(channel) {
              @Override
              public void handleDelivery(
                  String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                currentInConsumer.set(Span.current());
              }
            },
            channel);

    consumer.handleDelivery(
        "tag", new Envelope(7, false, "", "amq.gen-reply"), published, bytes("hello"));

    SpanData publish = span("publish amq.default");
    SpanData process = span("process amq.default");
    assertThat(publish)
        .hasKind(SpanKind.PRODUCER)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.destination.name"), ""),
            equalTo(
                AttributeKey.stringKey("messaging.rabbitmq.destination.routing_key"),
                "amq.gen-reply"));
    assertThat(process)
        .hasKind(SpanKind.CONSUMER)
        .hasParent(publish)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.longKey("messaging.rabbitmq.message.delivery_tag"), 7L));
    assertThat(currentInConsumer.get().getSpanContext().getSpanId()).isEqualTo(process.getSpanId());
    assertThat(published.getHeaders()).containsEntry("app-header", "kept");
  }

  @Test
  void aConsumerFailureIsRecordedAndRethrown() {
    AMQP.BasicProperties published = publish("shop", "order", "boom");
    Consumer consumer =
        telemetry.tracingConsumer(
            new DefaultConsumer(channel) {
              @Override
              public void handleDelivery(
                  String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                throw new IllegalStateException("cannot process");
              }
            },
            channel);

    assertThatThrownBy(
            () ->
                consumer.handleDelivery(
                    "tag", new Envelope(1, false, "shop", "order"), published, bytes("boom")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(span("process shop").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span("process shop").getEvents())
        .anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  private AMQP.BasicProperties publish(String exchange, String routingKey, String body) {
    AMQP.BasicProperties application =
        new AMQP.BasicProperties.Builder()
            .headers(Collections.<String, Object>singletonMap("app-header", "kept"))
            .build();
    AmqpMessage message =
        RabbitMqTelemetry.publishing(channel, exchange, routingKey, application, bytes(body));
    Context context = telemetry.startPublish(Context.root(), message);
    AMQP.BasicProperties toSend = RabbitMqTelemetry.propertiesToSend(message);
    telemetry.endPublish(context, message, null);
    assertThat(toSend.getHeaders()).containsKey("traceparent");
    assertThat(application.getHeaders()).doesNotContainKey("traceparent");
    return toSend;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static SpanData span(String name) {
    return otel.getSpans().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + otel.getSpans()));
  }
}
