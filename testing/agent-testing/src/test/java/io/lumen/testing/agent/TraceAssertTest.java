package io.lumen.testing.agent;

import static io.lumen.testing.agent.TelemetryAssertions.assertThat;
import static io.lumen.testing.agent.TelemetryAssertions.assertThatSpans;
import static io.lumen.testing.agent.TelemetryAssertions.clientSpan;
import static io.lumen.testing.agent.TelemetryAssertions.serverSpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assertions against a trace that really went through an SDK exporter and the receiver. */
class TraceAssertTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static OtlpReceiver receiver;
  private static ReceivedTrace trace;
  private static ReceivedSpan separateSpan;

  @BeforeAll
  static void exportTraces() {
    receiver = OtlpReceiver.start();
    try (SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "users")))
            .addSpanProcessor(
                SimpleSpanProcessor.create(
                    OtlpHttpSpanExporter.builder()
                        .setEndpoint(receiver.httpEndpoint() + "/v1/traces")
                        .build()))
            .build()) {
      Tracer tracer = tracerProvider.get("io.lumen.test");
      Span server =
          tracer.spanBuilder("GET /users/{id}")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("http.request.method", "GET")
              .setAttribute("http.response.status_code", 200L)
              .setAttribute(AttributeKey.stringArrayKey("roles"), List.of("admin", "dev"))
              .startSpan();
      try (Scope ignored = server.makeCurrent()) {
        tracer.spanBuilder("SELECT users")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system.name", "h2")
            .startSpan()
            .end();
        Span cache = tracer.spanBuilder("GET cache").setSpanKind(SpanKind.CLIENT).startSpan();
        cache.recordException(new java.io.IOException("timeout"));
        cache.setStatus(StatusCode.ERROR);
        cache.end();
      }
      server.end();
      tracer.spanBuilder("GET /health").setSpanKind(SpanKind.SERVER).startSpan().end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }
    trace = receiver.awaitTrace(span -> span.name().equals("GET /users/{id}"), 3, TIMEOUT);
    separateSpan = receiver.awaitSpan("GET /health", TIMEOUT);
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void aTraceReadsAsAStory() {
    assertThat(trace)
        .hasSpanCount(3)
        .hasNoMissingParents()
        .hasServiceName("users")
        .hasServerSpan("GET /users/{id}")
        .isRoot()
        .hasAttribute("http.response.status_code", 200) // an int matches OTLP's long
        .hasAttribute("roles", new String[] {"admin", "dev"})
        .hasScopeName("io.lumen.test")
        .hasChildCount(2)
        .withChild(clientSpan("SELECT users"))
        .withChild(span -> span.isClient().hasName("GET cache").isError())
        .hasChild("SELECT users")
        .isChildOf("GET /users/{id}")
        .hasAttribute("db.system.name", "h2")
        .hasNoChildren()
        .and()
        .hasClientSpan("GET cache")
        .hasException("java.io.IOException");
  }

  @Test
  void spansFromSeveralAwaitsCanBeCheckedToShareATrace() {
    List<ReceivedSpan> clientSpans =
        receiver.awaitSpans(span -> span.kind() == ReceivedSpan.Kind.CLIENT, 2, TIMEOUT);

    assertThatSpans(clientSpans).hasSize(2).allInOneTrace().hasSpanCount(2);
    assertThatSpans(List.of(trace.root().orElseThrow(), separateSpan)).areInSeparateTraces();
    assertThat(separateSpan).isServer().isRoot().isNotError().doesNotHaveAttribute("url.path");
  }

  @Test
  void failuresSayWhatIsWrongAndShowTheTrace() {
    assertThatThrownBy(() -> assertThat(trace).hasServerSpan("GET /orders"))
        .hasMessageContaining("Expected a SERVER span named \"GET /orders\" in the trace")
        .hasMessageContaining("  GET /users/{id} SERVER")
        .hasMessageContaining("    SELECT users CLIENT");

    assertThatThrownBy(
            () -> assertThat(trace).hasServerSpan("GET /users/{id}")
                .hasAttribute("http.response.status_code", 404))
        .hasMessageContaining(
            "Expected span \"GET /users/{id}\" to have http.response.status_code=404 (Integer)"
                + " but it was 200 (Long)");

    assertThatThrownBy(
            () -> assertThat(trace).hasServerSpan("GET /users/{id}")
                .withChild(serverSpan("SELECT users")))
        .hasMessageContaining("No child of span \"GET /users/{id}\" satisfies the requirements");

    assertThatThrownBy(() -> assertThat(trace).hasNoErrors())
        .hasMessageContaining("Expected no error spans but found [GET cache]");

    assertThatThrownBy(() -> assertThatSpans(receiver.spans()).allInOneTrace())
        .hasMessageContaining("Expected all spans in one trace but they are in 2 traces");
  }

  @Test
  void aSpanWhoseParentIsMissingBreaksTheTree() {
    ReceivedSpan client = trace.span("SELECT users").orElseThrow();
    ReceivedTrace withoutRoot = ReceivedTrace.of(trace.traceId(), List.of(client));

    assertThatThrownBy(() -> assertThat(withoutRoot).hasNoMissingParents())
        .hasMessageContaining("\"SELECT users\" (parent " + client.parentSpanId() + " missing)");
    assertThat(withoutRoot.topLevelSpans()).containsExactly(client);
  }
}
