package io.lumen.instrumentation.httpclient.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every HTTP client library's telemetry does in library mode, against a real local server. A
 * subclass adapts one library: it builds the instrumented client from {@link #openTelemetry()} and
 * sends requests with it.
 */
public abstract class AbstractHttpClientLibraryTest {

  protected static HttpClientTestServer server;

  private InMemorySpanExporter spans;
  private InMemoryMetricReader metrics;
  private OpenTelemetrySdk openTelemetry;

  @BeforeAll
  static void startServer() throws Exception {
    server = HttpClientTestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUpTelemetry() throws Exception {
    spans = InMemorySpanExporter.create();
    metrics = InMemoryMetricReader.create();
    openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    server.clear();
    setUpClient(openTelemetry);
  }

  @AfterEach
  void tearDownTelemetry() throws Exception {
    tearDownClient();
    openTelemetry.close();
  }

  protected OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /**
   * Builds the instrumented client, capturing the request header {@code X-Request-Id} and the
   * response header {@code X-Answer}, with a read timeout of {@link #READ_TIMEOUT}.
   */
  protected abstract void setUpClient(OpenTelemetry openTelemetry) throws Exception;

  protected void tearDownClient() throws Exception {}

  /** The read timeout the client is built with; {@code /slow} takes far longer. */
  // Generous: every request of a test runs under it, on CI machines that may be busy; /slow still
  // takes far longer.
  protected static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  /** Sends a request and reads the whole response; returns its status. Follows redirects. */
  protected abstract int send(String method, URI uri, Map<String, String> headers) throws Exception;

  @Test
  void successfulRequestIsOneClientSpanWhoseContextTheServerReceives() throws Exception {
    assertThat(send("GET", server.uri("/ok?q=1"), Map.of("X-Request-Id", "r-1"))).isEqualTo(200);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("http.request.method"), "GET")
        .containsEntry(AttributeKey.longKey("http.response.status_code"), 200L)
        .containsEntry(AttributeKey.stringKey("url.full"), server.uri("/ok?q=1").toString())
        .containsEntry(AttributeKey.stringKey("server.address"), "127.0.0.1")
        .containsEntry(AttributeKey.longKey("server.port"), (long) server.uri("/").getPort())
        .containsEntry(AttributeKey.stringKey("network.protocol.version"), "1.1")
        .containsEntry(
            AttributeKey.stringArrayKey("http.request.header.x-request-id"), List.of("r-1"))
        .containsEntry(AttributeKey.stringArrayKey("http.response.header.x-answer"), List.of("42"))
        .doesNotContainKey(AttributeKey.longKey("http.request.resend_count"));
    assertThat(server.received())
        .singleElement()
        .satisfies(
            received ->
                assertThat(received.traceparent())
                    .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"));

    MetricData duration = awaitMetric("http.client.request.duration");
    assertThat(duration.getUnit()).isEqualTo("s");
    assertThat(duration.getHistogramData().getPoints())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.getAttributes().asMap())
                    .containsEntry(AttributeKey.longKey("http.response.status_code"), 200L)
                    .doesNotContainKey(AttributeKey.stringKey("url.full")));
  }

  @Test
  void clientAndServerErrorStatusesAreErrors() throws Exception {
    assertThat(send("GET", server.uri("/status/404"), Map.of())).isEqualTo(404);
    assertThat(send("GET", server.uri("/status/500"), Map.of())).isEqualTo(500);

    List<SpanData> finished = awaitSpans(2);
    assertThat(finished)
        .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("error.type")))
        .containsExactly("404", "500");
    assertThat(finished)
        .allSatisfy(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void refusedConnectionIsAnErrorWithTheException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + closedPort + "/nowhere");

    assertThatThrownBy(() -> send("GET", uri, Map.of())).isInstanceOf(Exception.class);

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isNotBlank();
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full")))
        .isEqualTo(uri.toString());
    assertThat(span.getEvents()).extracting(EventData::getName).contains("exception");
  }

  @Test
  void readTimeoutIsAnErrorWithTheException() throws Exception {
    assertThatThrownBy(() -> send("GET", server.uri("/slow"), Map.of()))
        .isInstanceOf(Exception.class);

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).extracting(EventData::getName).contains("exception");
  }

  @Test
  void followedRedirectIsOneSpanCountingTheResend() throws Exception {
    assertThat(send("GET", server.uri("/redirect"), Map.of())).isEqualTo(200);

    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full")))
        .isEqualTo(server.uri("/redirect").toString());
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(1L);
    assertThat(server.received())
        .extracting(HttpClientTestServer.Received::path)
        .containsExactly("/redirect", "/ok");
    assertThat(server.received())
        .allSatisfy(r -> assertThat(r.traceparent()).contains(span.getSpanId()));
  }

  protected SpanData onlySpan() {
    return awaitSpans(1).get(0);
  }

  /** Waits for exactly {@code count} finished spans; async clients end spans on other threads. */
  protected List<SpanData> awaitSpans(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (spans.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(spans.getFinishedSpanItems()).hasSize(count);
    return spans.getFinishedSpanItems();
  }

  private MetricData awaitMetric(String name) {
    return metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }
}
