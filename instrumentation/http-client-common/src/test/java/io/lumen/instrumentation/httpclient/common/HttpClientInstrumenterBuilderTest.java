package io.lumen.instrumentation.httpclient.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.ConnectException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpClientInstrumenterBuilderTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  @AfterEach
  void close() {
    openTelemetry.close();
  }

  @Test
  void clientSpanFollowsTheStableConventionsAndPropagates() {
    Instrumenter<FakeRequest, Integer> instrumenter =
        builder()
            .setCapturedRequestHeaders(Collections.singletonList("X-Request-*"))
            .build(FakeRequest.SETTER);
    FakeRequest request = new FakeRequest("GET", "https://example.com:8443/items?page=2");
    request.headers.put("x-request-id", "abc");

    run(instrumenter, request, 200, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("http.request.method"), "GET")
        .containsEntry(AttributeKey.longKey("http.response.status_code"), 200L)
        .containsEntry(AttributeKey.stringKey("url.full"), "https://example.com:8443/items?page=2")
        .containsEntry(AttributeKey.stringKey("server.address"), "example.com")
        .containsEntry(AttributeKey.longKey("server.port"), 8443L)
        .containsEntry(
            AttributeKey.stringArrayKey("http.request.header.x-request-id"), List.of("abc"))
        .doesNotContainKey(AttributeKey.longKey("http.request.resend_count"));
    assertThat(request.headers.get("traceparent"))
        .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
  }

  @Test
  void credentialsInTheUrlAreRedacted() {
    Instrumenter<FakeRequest, Integer> instrumenter =
        builder().addSensitiveQueryParameters(List.of("session")).build(FakeRequest.SETTER);

    run(
        instrumenter,
        new FakeRequest(
            "GET",
            "https://user:secret@bucket.s3.amazonaws.com/key?X-Amz-Signature=abc&x-amz-credential=k"
                + "&sig=s&Token=t&session=x&keep=1"),
        200,
        null);

    assertThat(onlySpan().getAttributes().get(AttributeKey.stringKey("url.full")))
        .isEqualTo(
            "https://REDACTED:REDACTED@bucket.s3.amazonaws.com/key?X-Amz-Signature=REDACTED"
                + "&x-amz-credential=REDACTED&sig=REDACTED&Token=REDACTED&session=REDACTED&keep=1");
  }

  @Test
  void unknownMethodsAreOther() {
    run(builder().build(FakeRequest.SETTER), new FakeRequest("PURGE", "http://h/"), 200, null);

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("HTTP");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method")))
        .isEqualTo("_OTHER");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method_original")))
        .isEqualTo("PURGE");
    assertThat(span.getAttributes().get(AttributeKey.longKey("server.port"))).isEqualTo(80L);
  }

  @Test
  void clientErrorsAndExceptionsAreErrors() {
    Instrumenter<FakeRequest, Integer> instrumenter = builder().build(FakeRequest.SETTER);

    run(instrumenter, new FakeRequest("GET", "http://h/missing"), 404, null);
    run(
        instrumenter,
        new FakeRequest("GET", "http://h/down"),
        null,
        new ConnectException("refused"));

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    assertThat(finished.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(finished.get(0).getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("404");
    assertThat(finished.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(finished.get(1).getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("java.net.ConnectException");
    assertThat(finished.get(1).getEvents())
        .extracting(e -> e.getName())
        .containsExactly("exception");
  }

  @Test
  void resentRequestsAreCounted() {
    Instrumenter<FakeRequest, Integer> instrumenter = builder().build(FakeRequest.SETTER);
    FakeRequest request = new FakeRequest("GET", "http://h/redirecting");

    Context context = instrumenter.start(Context.root(), request);
    HttpClientRequestAttempts.recordAttempt(context);
    HttpClientRequestAttempts.recordAttempt(context);
    HttpClientRequestAttempts.recordAttempt(context);
    instrumenter.end(context, request, 200, null);

    assertThat(onlySpan().getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(2L);
  }

  @Test
  void nestedClientSpansAreSuppressed() {
    Instrumenter<FakeRequest, Integer> outer = builder().build(FakeRequest.SETTER);
    Instrumenter<FakeRequest, Integer> inner = builder().build(FakeRequest.SETTER);
    FakeRequest request = new FakeRequest("GET", "http://h/");

    Context context = outer.start(Context.root(), request);
    try (Scope ignored = context.makeCurrent()) {
      assertThat(inner.shouldStart(Context.current(), request)).isFalse();
    }
    outer.end(context, request, 200, null);
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void durationHistogramHasLowCardinalityAttributes() {
    run(
        builder().build(FakeRequest.SETTER),
        new FakeRequest("GET", "http://h:81/a?b=c"),
        500,
        null);

    MetricData duration =
        metrics.collectAllMetrics().stream()
            .filter(m -> m.getName().equals("http.client.request.duration"))
            .findFirst()
            .orElseThrow();
    assertThat(duration.getUnit()).isEqualTo("s");
    HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
    assertThat(point.getBoundaries()).startsWith(0.005, 0.01, 0.025).endsWith(7.5, 10.0);
    assertThat(point.getAttributes().asMap())
        .containsOnlyKeys(
            AttributeKey.stringKey("http.request.method"),
            AttributeKey.longKey("http.response.status_code"),
            AttributeKey.stringKey("error.type"),
            AttributeKey.stringKey("server.address"),
            AttributeKey.longKey("server.port"));
  }

  private HttpClientInstrumenterBuilder<FakeRequest, Integer> builder() {
    return HttpClientInstrumenterBuilder.create(openTelemetry, "test", FakeGetter.INSTANCE);
  }

  private static void run(
      Instrumenter<FakeRequest, Integer> instrumenter,
      FakeRequest request,
      Integer status,
      Throwable error) {
    Context context = instrumenter.start(Context.root(), request);
    instrumenter.end(context, request, status, error);
  }

  private SpanData onlySpan() {
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }

  static final class FakeRequest {
    static final io.opentelemetry.context.propagation.TextMapSetter<FakeRequest> SETTER =
        (request, key, value) -> request.headers.put(key, value);

    final String method;
    final URI uri;
    final Map<String, String> headers = new LinkedHashMap<>();

    FakeRequest(String method, String uri) {
      this.method = method;
      this.uri = URI.create(uri);
    }
  }

  enum FakeGetter implements HttpClientAttributesGetter<FakeRequest, Integer> {
    INSTANCE;

    @Override
    public String getUrlFull(FakeRequest request) {
      return request.uri.toString();
    }

    @Override
    public String getServerAddress(FakeRequest request) {
      return request.uri.getHost();
    }

    @Override
    public Integer getServerPort(FakeRequest request) {
      return DefaultPorts.portOrDefault(request.uri.getScheme(), request.uri.getPort());
    }

    @Override
    public String getHttpRequestMethod(FakeRequest request) {
      return request.method;
    }

    @Override
    public List<String> getHttpRequestHeader(FakeRequest request, String name) {
      String value = request.headers.get(name);
      return value == null ? List.of() : List.of(value);
    }

    @Override
    public Iterable<String> getHttpRequestHeaderNames(FakeRequest request) {
      return request.headers.keySet();
    }

    @Override
    public Integer getHttpResponseStatusCode(FakeRequest request, Integer status, Throwable error) {
      return status;
    }

    @Override
    public List<String> getHttpResponseHeader(FakeRequest request, Integer status, String name) {
      return List.of();
    }
  }
}
