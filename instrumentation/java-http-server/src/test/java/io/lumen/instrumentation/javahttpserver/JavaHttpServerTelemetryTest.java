package io.lumen.instrumentation.javahttpserver;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static io.opentelemetry.semconv.ClientAttributes.CLIENT_ADDRESS;
import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.ExceptionAttributes.EXCEPTION_MESSAGE;
import static io.opentelemetry.semconv.ExceptionAttributes.EXCEPTION_STACKTRACE;
import static io.opentelemetry.semconv.ExceptionAttributes.EXCEPTION_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_ADDRESS;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PEER_PORT;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_PATH;
import static io.opentelemetry.semconv.UrlAttributes.URL_QUERY;
import static io.opentelemetry.semconv.UrlAttributes.URL_SCHEME;
import static io.opentelemetry.semconv.UserAgentAttributes.USER_AGENT_ORIGINAL;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Library mode: a real JDK server with the filter on its context, real requests from {@link
 * HttpClient}, and the spans and metrics that reached an in-memory SDK.
 */
class JavaHttpServerTelemetryTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
  private static final String USER_AGENT = "lumen-test/1.0";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One server thread, so that consecutive exchanges are served by the same thread. */
  private final ExecutorService serverThread = Executors.newSingleThreadExecutor();

  /** What the handler saw as current while it ran, one entry per exchange. */
  private final List<SpanContext> handlerSpans = new CopyOnWriteArrayList<>();

  private final List<Baggage> handlerBaggage = new CopyOnWriteArrayList<>();

  private OpenTelemetrySdk sdk;
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(
                ContextPropagators.create(
                    TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(),
                        W3CBaggagePropagator.getInstance())))
            .build();

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server
        .createContext("/", this::handle)
        .getFilters()
        .add(
            JavaHttpServerTelemetry.builder(sdk)
                .setCapturedRequestHeaders(List.of("X-Request-Id"))
                .setCapturedResponseHeaders(List.of("Content-Type"))
                .build()
                .newFilter());
    server.setExecutor(serverThread);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    serverThread.shutdownNow();
    sdk.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    handlerSpans.add(Span.current().getSpanContext());
    handlerBaggage.add(Baggage.current());
    switch (exchange.getRequestURI().getPath()) {
      case "/hello":
        respond(exchange, 200, "hello");
        break;
      case "/fail":
        respond(exchange, 500, "failed");
        break;
      case "/throw":
        throw new IllegalStateException("handler failed");
      case "/orders":
        byte[] order;
        try (InputStream body = exchange.getRequestBody()) {
          order = body.readAllBytes();
        }
        respond(exchange, 201, new String(order, UTF_8));
        break;
      default:
        respond(exchange, 404, "no such page");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void getWithQueryAndUserAgent() throws Exception {
    HttpResponse<String> response =
        send(
            request("/hello?name=lumen&x=1")
                .header("User-Agent", USER_AGENT)
                .header("X-Request-Id", "req-42"));

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = onlySpan();
    assertThat(span)
        .hasName("GET")
        .hasKind(SpanKind.SERVER)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(HTTP_REQUEST_METHOD, "GET"),
            equalTo(URL_SCHEME, "http"),
            equalTo(URL_PATH, "/hello"),
            equalTo(URL_QUERY, "name=lumen&x=1"),
            equalTo(SERVER_ADDRESS, "127.0.0.1"),
            equalTo(SERVER_PORT, port()),
            equalTo(CLIENT_ADDRESS, "127.0.0.1"),
            equalTo(NETWORK_PEER_ADDRESS, "127.0.0.1"),
            satisfies(NETWORK_PEER_PORT, peerPort -> peerPort.isPositive()),
            equalTo(NETWORK_PROTOCOL_VERSION, "1.1"),
            equalTo(USER_AGENT_ORIGINAL, USER_AGENT),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 200),
            equalTo(
                AttributeKey.stringArrayKey("http.request.header.x-request-id"),
                List.of("req-42")),
            equalTo(
                AttributeKey.stringArrayKey("http.response.header.content-type"),
                List.of("text/plain")));
    assertThat(span.getInstrumentationScopeInfo().getName())
        .isEqualTo("io.lumen.java-http-server");
    assertThat(handlerSpans).containsExactly(span.getSpanContext());
  }

  @Test
  void notFoundIsNotAServerError() throws Exception {
    HttpResponse<String> response = send(request("/nowhere"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(onlySpan())
        .hasName("GET")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(
            equalTo(URL_PATH, "/nowhere"),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 404),
            equalTo(ERROR_TYPE, null));
  }

  @Test
  void serverErrorMarksTheSpanFailed() throws Exception {
    HttpResponse<String> response = send(request("/fail"));

    assertThat(response.statusCode()).isEqualTo(500);
    SpanData span = onlySpan();
    assertThat(span)
        .hasName("GET")
        .hasStatus(StatusData.error())
        .hasAttributesSatisfying(
            equalTo(HTTP_RESPONSE_STATUS_CODE, 500), equalTo(ERROR_TYPE, "500"));
    assertThat(span.getEvents()).isEmpty();
  }

  /**
   * The JDK server answers a handler that throws by closing the connection: the client gets no
   * response, so the span reports no status code, only the exception and its type. (A POST, as the
   * client would silently retry a GET on the closed connection, making a second exchange.)
   */
  @Test
  void handlerThatThrowsIsRecordedAndTheExceptionReachesTheServer() throws Exception {
    assertThatThrownBy(() -> send(throwingRequest())).isInstanceOf(IOException.class);

    assertThat(onlySpan())
        .hasName("POST")
        .hasKind(SpanKind.SERVER)
        .hasStatus(StatusData.error())
        .hasAttributesSatisfying(
            equalTo(ERROR_TYPE, IllegalStateException.class.getName()),
            equalTo(HTTP_RESPONSE_STATUS_CODE, null))
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(EXCEPTION_TYPE, IllegalStateException.class.getName()),
                        equalTo(EXCEPTION_MESSAGE, "handler failed"),
                        satisfies(EXCEPTION_STACKTRACE, trace -> trace.contains("handle"))));
  }

  @Test
  void post() throws Exception {
    HttpResponse<String> response =
        send(request("/orders").POST(HttpRequest.BodyPublishers.ofString("one pizza")));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("one pizza");
    assertThat(onlySpan())
        .hasName("POST")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(
            equalTo(HTTP_REQUEST_METHOD, "POST"),
            equalTo(URL_PATH, "/orders"),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 201));
  }

  @Test
  void unknownMethodIsReportedAsOther() throws Exception {
    HttpResponse<String> response =
        send(request("/hello").method("PURGE", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(onlySpan())
        .hasName("HTTP")
        .hasAttributesSatisfying(
            equalTo(HTTP_REQUEST_METHOD, "_OTHER"),
            equalTo(HTTP_REQUEST_METHOD_ORIGINAL, "PURGE"),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 200));
  }

  @Test
  void continuesTheTraceOfAW3cTraceparent() throws Exception {
    send(request("/hello").header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01"));

    SpanData span = onlySpan();
    assertThat(span).hasTraceId(TRACE_ID).hasParentSpanId(PARENT_SPAN_ID);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(span.getSpanContext().isSampled()).isTrue();
    assertThat(handlerSpans).containsExactly(span.getSpanContext());
  }

  @Test
  void baggageReachesTheHandler() throws Exception {
    send(request("/hello").header("baggage", "user=alice,tenant=acme"));

    assertThat(handlerBaggage).hasSize(1);
    assertThat(asMap(handlerBaggage.get(0)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("user", "alice", "tenant", "acme"));
  }

  @Test
  void recordsRequestDurationWithLowCardinalityAttributes() throws Exception {
    send(request("/hello?name=lumen").header("User-Agent", USER_AGENT));
    assertThatThrownBy(() -> send(throwingRequest())).isInstanceOf(IOException.class);

    assertThat(durationMetric())
        .hasUnit("s")
        .hasHistogramSatisfying(
            histogram ->
                histogram.hasPointsSatisfying(
                    point ->
                        point
                            .hasCount(1)
                            .hasAttributesSatisfyingExactly(
                                equalTo(HTTP_REQUEST_METHOD, "GET"),
                                equalTo(URL_SCHEME, "http"),
                                equalTo(NETWORK_PROTOCOL_VERSION, "1.1"),
                                equalTo(HTTP_RESPONSE_STATUS_CODE, 200)),
                    point ->
                        point
                            .hasCount(1)
                            .hasAttributesSatisfyingExactly(
                                equalTo(HTTP_REQUEST_METHOD, "POST"),
                                equalTo(URL_SCHEME, "http"),
                                equalTo(NETWORK_PROTOCOL_VERSION, "1.1"),
                                equalTo(ERROR_TYPE, IllegalStateException.class.getName()))));
  }

  @Test
  void nothingOfOneExchangeLeaksIntoTheNextOnTheSameThread() throws Exception {
    send(
        request("/hello")
            .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
            .header("baggage", "user=alice"));
    send(request("/hello"));

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    SpanData first = finished.get(0);
    SpanData second = finished.get(1);
    assertThat(first).hasTraceId(TRACE_ID);
    assertThat(second).hasNoParent();
    assertThat(second.getTraceId()).isNotEqualTo(TRACE_ID);
    assertThat(handlerSpans).containsExactly(first.getSpanContext(), second.getSpanContext());
    assertThat(asMap(handlerBaggage.get(1))).isEmpty();
    assertThat(serverThread.submit(Context::current).get()).isSameAs(Context.root());
  }

  private HttpRequest.Builder throwingRequest() {
    return request("/throw").POST(HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery));
  }

  /**
   * Sends the request and waits until the server thread finished the exchange, span included: the
   * client may see the response before the filter ends the span, but the single server thread runs
   * the no-op task queued here only after it.
   */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } finally {
      serverThread.submit(() -> {}).get();
    }
  }

  private long port() {
    return server.getAddress().getPort();
  }

  private SpanData onlySpan() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }

  private MetricData durationMetric() {
    List<MetricData> duration =
        metrics.collectAllMetrics().stream()
            .filter(metric -> metric.getName().equals("http.server.request.duration"))
            .collect(Collectors.toList());
    assertThat(duration).hasSize(1);
    return duration.get(0);
  }

  private static Map<String, String> asMap(Baggage baggage) {
    return baggage.asMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getValue()));
  }
}
