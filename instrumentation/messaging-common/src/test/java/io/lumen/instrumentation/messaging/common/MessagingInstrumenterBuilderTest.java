package io.lumen.instrumentation.messaging.common;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.instrumentation.api.incubator.semconv.messaging.MessagingAttributesGetter;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every messaging module gets from the builder, on a toy message type: conventional names and
 * kinds, no destination in the name of a temporary queue, context carried from send to process,
 * receive spans linked to their messages and timed from the start of the call.
 */
class MessagingInstrumenterBuilderTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  @Test
  void sendAndProcessAreOneTraceNamedByOperationAndDestination() {
    Message message = new Message("orders", false);
    Instrumenter<Message, Void> send = builder().buildSendInstrumenter("publish", Message.SETTER);
    Context sent = send.start(Context.root(), message);
    send.end(sent, message, null, null);

    Instrumenter<Message, Void> process =
        builder().buildProcessInstrumenter("process", Message.GETTER);
    Context processed = process.start(Context.root(), message);
    process.end(processed, message, null, null);

    SpanData sendSpan = span("publish orders");
    assertThat(sendSpan)
        .hasKind(SpanKind.PRODUCER)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.system"), "toy"),
            equalTo(AttributeKey.stringKey("messaging.destination.name"), "orders"),
            equalTo(AttributeKey.stringKey("messaging.operation.type"), "send"),
            equalTo(AttributeKey.stringKey("messaging.operation.name"), "publish"),
            equalTo(
                AttributeKey.stringArrayKey("messaging.header.customer"),
                Collections.singletonList("ada")));
    assertThat(span("process orders"))
        .hasKind(SpanKind.CONSUMER)
        .hasParent(sendSpan)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.operation.type"), "process"));
  }

  @Test
  void temporaryDestinationsStayOutOfSpanNames() {
    Message reply = new Message("amq.gen-Jx0ZrVfw8Qv", true);
    Instrumenter<Message, Void> send = builder().buildSendInstrumenter("publish", Message.SETTER);
    send.end(send.start(Context.root(), reply), reply, null, null);

    assertThat(span("publish"))
        .hasAttributesSatisfying(
            // Attributes may have high cardinality; span names, which back-ends group by, not.
            equalTo(AttributeKey.stringKey("messaging.destination.name"), "amq.gen-Jx0ZrVfw8Qv"),
            equalTo(AttributeKey.booleanKey("messaging.destination.temporary"), true));
  }

  @Test
  void receiveIsRecordedAfterTheFactWithItsStartAndLinksToTheSenders() {
    Message first = new Message("orders", false);
    Message second = new Message("orders", false);
    Instrumenter<Message, Void> send = builder().buildSendInstrumenter("publish", Message.SETTER);
    Context firstSent = send.start(Context.root(), first);
    send.end(firstSent, first, null, null);
    Context secondSent = send.start(Context.root(), second);
    send.end(secondSent, second, null, null);

    Instrumenter<Message, Void> receive =
        MessagingInstrumenterBuilder.create(otel.getOpenTelemetry(), "test", Message.ATTRIBUTES)
            .addSpanLinksExtractor(
                MessageCreationLinks.create(
                    otel.getOpenTelemetry().getPropagators().getTextMapPropagator(),
                    message -> Arrays.asList(first, second),
                    Message.GETTER))
            .buildReceiveInstrumenter("receive");
    Instant start = Instant.now().minusSeconds(5);
    Context received =
        CompletedOperations.record(receive, Context.root(), first, null, null, start);

    SpanData receiveSpan = span("receive orders");
    assertThat(receiveSpan.getSpanContext()).isEqualTo(Span.fromContext(received).getSpanContext());
    assertThat(receiveSpan)
        .hasKind(SpanKind.CONSUMER)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.operation.type"), "receive"),
            equalTo(AttributeKey.stringKey("messaging.operation.name"), "receive"),
            equalTo(AttributeKey.stringKey("messaging.destination.name"), "orders"))
        .startsAt(TimeUnit.SECONDS.toNanos(start.getEpochSecond()) + start.getNano())
        .hasLinksSatisfying(
            links ->
                org.assertj.core.api.Assertions.assertThat(links)
                    .extracting(link -> link.getSpanContext().getSpanId())
                    .containsExactly(spanId(firstSent), spanId(secondSent)));
  }

  @Test
  void receiveSpansAreClientSpansWhenAskedWithTheSameAttributes() {
    Message message = new Message("orders", false);
    Instrumenter<Message, Void> receive =
        builder().setReceiveSpanKind(SpanKind.CLIENT).buildReceiveInstrumenter("receive");
    receive.end(receive.start(Context.root(), message), message, null, null);

    assertThat(span("receive orders"))
        .hasKind(SpanKind.CLIENT)
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("messaging.system"), "toy"),
            equalTo(AttributeKey.stringKey("messaging.operation.type"), "receive"),
            equalTo(AttributeKey.stringKey("messaging.operation.name"), "receive"),
            equalTo(AttributeKey.stringKey("messaging.destination.name"), "orders"));
  }

  @Test
  void receiveSpansAreNeitherProducerNorServerNorInternalSpans() {
    for (SpanKind kind : new SpanKind[] {SpanKind.PRODUCER, SpanKind.SERVER, SpanKind.INTERNAL}) {
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
          .isThrownBy(() -> builder().setReceiveSpanKind(kind))
          .withMessageContaining(kind.name());
    }
  }

  private static String spanId(Context context) {
    return Span.fromContext(context).getSpanContext().getSpanId();
  }

  private static MessagingInstrumenterBuilder<Message, Void> builder() {
    return MessagingInstrumenterBuilder.create(
            otel.getOpenTelemetry(), "test", Message.ATTRIBUTES)
        .setCapturedHeaders(Collections.singletonList("customer"));
  }

  private static SpanData span(String name) {
    return otel.getSpans().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + otel.getSpans()));
  }

  /** A message of a toy messaging system: a destination and headers. */
  private static final class Message {

    static final TextMapSetter<Message> SETTER = (message, key, value) -> message.headers.put(key, value);

    static final TextMapGetter<Message> GETTER =
        new TextMapGetter<Message>() {
          @Override
          public Iterable<String> keys(Message message) {
            return message.headers.keySet();
          }

          @Override
          @Nullable
          public String get(@Nullable Message message, String key) {
            return message == null ? null : message.headers.get(key);
          }
        };

    static final MessagingAttributesGetter<Message, Void> ATTRIBUTES = new ToyAttributes();

    final String destination;
    final boolean temporary;
    final Map<String, String> headers = new HashMap<>();

    Message(String destination, boolean temporary) {
      this.destination = destination;
      this.temporary = temporary;
      headers.put("customer", "ada");
    }
  }

  private static final class ToyAttributes implements MessagingAttributesGetter<Message, Void> {
    @Override
    public String getSystem(Message message) {
      return "toy";
    }

    @Override
    public String getDestination(Message message) {
      return message.destination;
    }

    @Override
    @Nullable
    public String getDestinationTemplate(Message message) {
      return null;
    }

    @Override
    public boolean isTemporaryDestination(Message message) {
      return message.temporary;
    }

    @Override
    public boolean isAnonymousDestination(Message message) {
      return false;
    }

    @Override
    @Nullable
    public String getConversationId(Message message) {
      return null;
    }

    @Override
    @Nullable
    public Long getMessageBodySize(Message message) {
      return null;
    }

    @Override
    @Nullable
    public Long getMessageEnvelopeSize(Message message) {
      return null;
    }

    @Override
    @Nullable
    public String getMessageId(Message message, @Nullable Void unused) {
      return null;
    }

    @Override
    @Nullable
    public String getClientId(Message message) {
      return null;
    }

    @Override
    @Nullable
    public Long getBatchMessageCount(Message message, @Nullable Void unused) {
      return null;
    }

    @Override
    public List<String> getMessageHeader(Message message, String name) {
      String value = message.headers.get(name);
      return value == null ? Collections.emptyList() : Collections.singletonList(value);
    }
  }
}
