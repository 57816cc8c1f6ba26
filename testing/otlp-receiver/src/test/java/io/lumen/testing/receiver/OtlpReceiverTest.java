package io.lumen.testing.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exports with the real OpenTelemetry SDK exporters and checks what the receiver decoded. */
class OtlpReceiverTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Resource RESOURCE =
      Resource.getDefault()
          .merge(
              Resource.create(
                  Attributes.of(
                      AttributeKey.stringKey("service.name"), "checkout",
                      AttributeKey.stringKey("deployment.environment.name"), "test")));

  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(ExporterProtocol.class)
  void spansArriveWithTheirFieldsResourceAndScope(ExporterProtocol protocol) {
    String traceId;
    String serverSpanId;
    String clientSpanId;
    try (SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setResource(RESOURCE)
            .addSpanProcessor(SimpleSpanProcessor.create(protocol.spanExporter(receiver)))
            .build()) {
      Tracer tracer = tracerProvider.get("io.lumen.test", "1.2.3");
      Span server =
          tracer.spanBuilder("GET /users/{id}")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("http.request.method", "GET")
              .setAttribute("http.response.status_code", 200L)
              .setAttribute("sampled", true)
              .setAttribute("load", 0.5)
              .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
              .setAttribute(AttributeKey.longArrayKey("sizes"), List.of(1L, 2L))
              .startSpan();
      traceId = server.getSpanContext().getTraceId();
      serverSpanId = server.getSpanContext().getSpanId();
      try (Scope ignored = server.makeCurrent()) {
        Span client = tracer.spanBuilder("SELECT users").setSpanKind(SpanKind.CLIENT).startSpan();
        clientSpanId = client.getSpanContext().getSpanId();
        client.recordException(new IllegalStateException("connection reset"));
        client.setStatus(StatusCode.ERROR, "query failed");
        client.end();
      }
      server.end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }

    ReceivedTrace trace = receiver.awaitTrace(span -> span.traceId().equals(traceId), 2, TIMEOUT);

    ReceivedSpan server = trace.span("GET /users/{id}").orElseThrow();
    assertThat(server.spanId()).isEqualTo(serverSpanId);
    assertThat(server.isRoot()).isTrue();
    assertThat(server.kind()).isEqualTo(ReceivedSpan.Kind.SERVER);
    assertThat(server.status()).isEqualTo(ReceivedSpan.StatusCode.UNSET);
    assertThat(server.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("sampled", true)
        .containsEntry("load", 0.5)
        .containsEntry("tags", List.of("a", "b"))
        .containsEntry("sizes", List.of(1L, 2L));
    assertThat(server.endEpochNanos()).isGreaterThanOrEqualTo(server.startEpochNanos());
    assertThat(server.serviceName()).isEqualTo("checkout");
    assertThat(server.resourceAttributes())
        .containsEntry("deployment.environment.name", "test")
        .containsEntry("telemetry.sdk.language", "java");
    assertThat(server.scopeName()).isEqualTo("io.lumen.test");
    assertThat(server.scopeVersion()).isEqualTo("1.2.3");

    ReceivedSpan client = trace.span("SELECT users").orElseThrow();
    assertThat(client.spanId()).isEqualTo(clientSpanId);
    assertThat(client.parentSpanId()).isEqualTo(serverSpanId);
    assertThat(trace.children(server)).containsExactly(client);
    assertThat(trace.parent(client)).contains(server);
    assertThat(client.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
    assertThat(client.isError()).isTrue();
    assertThat(client.statusMessage()).isEqualTo("query failed");
    assertThat(client.event("exception").attribute("exception.type"))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(client.event("exception").attribute("exception.message"))
        .isEqualTo("connection reset");

    ExportRequest request = receiver.lastRequest(Signal.TRACES).orElseThrow();
    assertThat(request.transport()).isEqualTo(protocol.transport);
    assertThat(request.isCompressed()).isEqualTo(protocol.compressed());
    assertThat(request.header(ExporterProtocol.HEADER)).isEqualTo(ExporterProtocol.HEADER_VALUE);
    assertThat(receiver.lastRequestHeaders(Signal.TRACES))
        .containsEntry(ExporterProtocol.HEADER, List.of(ExporterProtocol.HEADER_VALUE));
    // The simple processor exports each span on its own.
    assertThat(receiver.requestCount(Signal.TRACES)).isEqualTo(2);
    assertThat(receiver.requestCount(Signal.METRICS)).isZero();
  }

  @ParameterizedTest
  @EnumSource(ExporterProtocol.class)
  void metricsArriveWithPointsAndHistogramBuckets(ExporterProtocol protocol) {
    try (SdkMeterProvider meterProvider =
        SdkMeterProvider.builder()
            .setResource(RESOURCE)
            .registerMetricReader(
                PeriodicMetricReader.builder(protocol.metricExporter(receiver))
                    .setInterval(Duration.ofHours(1)) // only the explicit flush exports
                    .build())
            .build()) {
      Meter meter = meterProvider.get("io.lumen.test");
      LongCounter requests = meter.counterBuilder("test.requests").setUnit("{request}").build();
      requests.add(3, Attributes.of(AttributeKey.stringKey("route"), "/a"));
      requests.add(4, Attributes.of(AttributeKey.stringKey("route"), "/b"));
      DoubleHistogram latency =
          meter.histogramBuilder("test.latency")
              .setUnit("ms")
              .setExplicitBucketBoundariesAdvice(List.of(10.0, 100.0))
              .build();
      latency.record(5);
      latency.record(50);
      latency.record(70);
      latency.record(500);
      meter.gaugeBuilder("test.temperature").buildWithCallback(gauge -> gauge.record(21.5));
      CompletableResultCode flushed = meterProvider.forceFlush().join(10, TimeUnit.SECONDS);
      assertThat(flushed.isSuccess()).isTrue();
    }

    ReceivedMetric counter = receiver.awaitMetric("test.requests", TIMEOUT);
    assertThat(counter.type()).isEqualTo(ReceivedMetric.Type.SUM);
    assertThat(counter.monotonic()).isTrue();
    assertThat(counter.temporality()).isEqualTo(ReceivedMetric.Temporality.CUMULATIVE);
    assertThat(counter.unit()).isEqualTo("{request}");
    assertThat(counter.scopeName()).isEqualTo("io.lumen.test");
    assertThat(counter.resourceAttribute("service.name")).isEqualTo("checkout");
    assertThat(counter.pointWithAttribute("route", "/a").orElseThrow().longValue()).isEqualTo(3);
    assertThat(counter.pointWithAttribute("route", "/b").orElseThrow().longValue()).isEqualTo(4);

    ReceivedMetric histogram = receiver.awaitMetric("test.latency", TIMEOUT);
    assertThat(histogram.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
    ReceivedDataPoint point = histogram.points().get(0);
    assertThat(point.count()).isEqualTo(4);
    assertThat(point.sum()).isEqualTo(625.0);
    assertThat(point.min()).isEqualTo(5.0);
    assertThat(point.max()).isEqualTo(500.0);
    assertThat(point.explicitBounds()).containsExactly(10.0, 100.0);
    assertThat(point.bucketCounts()).containsExactly(1L, 2L, 1L);
    assertThat(point.value()).isNull();

    ReceivedMetric gauge = receiver.awaitMetric("test.temperature", TIMEOUT);
    assertThat(gauge.type()).isEqualTo(ReceivedMetric.Type.GAUGE);
    assertThat(gauge.temporality()).isEqualTo(ReceivedMetric.Temporality.NONE);
    assertThat(gauge.points()).singleElement().satisfies(p -> assertThat(p.doubleValue())
        .isEqualTo(21.5));

    ExportRequest request = receiver.lastRequest(Signal.METRICS).orElseThrow();
    assertThat(request.transport()).isEqualTo(protocol.transport);
    assertThat(request.isCompressed()).isEqualTo(protocol.compressed());
  }

  @ParameterizedTest
  @EnumSource(ExporterProtocol.class)
  void logRecordsArriveWithTheirTraceContext(ExporterProtocol protocol) {
    Span span;
    try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();
        SdkLoggerProvider loggerProvider =
            SdkLoggerProvider.builder()
                .setResource(RESOURCE)
                .addLogRecordProcessor(
                    SimpleLogRecordProcessor.create(protocol.logRecordExporter(receiver)))
                .build()) {
      span = tracerProvider.get("test").spanBuilder("work").startSpan();
      loggerProvider.get("com.example.Checkout")
          .logRecordBuilder()
          .setContext(Context.root().with(span))
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody("payment declined")
          .setAttribute(AttributeKey.longKey("order.id"), 42L)
          .emit();
      loggerProvider.get("com.example.Checkout")
          .logRecordBuilder()
          .setSeverity(Severity.INFO)
          .setBody("no trace here")
          .emit();
      span.end();
      loggerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }

    ReceivedLogRecord declined =
        receiver.awaitLogRecord(r -> "payment declined".equals(r.bodyAsString()), TIMEOUT);
    assertThat(declined.severityNumber()).isEqualTo(Severity.WARN.getSeverityNumber());
    assertThat(declined.severityText()).isEqualTo("WARN");
    assertThat(declined.traceId()).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(declined.spanId()).isEqualTo(span.getSpanContext().getSpanId());
    assertThat(declined.attribute("order.id")).isEqualTo(42L);
    assertThat(declined.scopeName()).isEqualTo("com.example.Checkout");
    assertThat(declined.resourceAttribute("service.name")).isEqualTo("checkout");
    assertThat(declined.observedEpochNanos()).isPositive();

    ReceivedLogRecord untraced =
        receiver.awaitLogRecord(r -> "no trace here".equals(r.bodyAsString()), TIMEOUT);
    assertThat(untraced.traceId()).isNull();
    assertThat(untraced.spanId()).isNull();
    assertThat(receiver.lastRequest(Signal.LOGS).orElseThrow().transport())
        .isEqualTo(protocol.transport);
  }

  @Test
  void awaitingWhatNeverArrivesFailsWithWhatDidArrive() {
    exportOneSpan("GET /health");
    receiver.awaitSpan("GET /health", TIMEOUT);

    assertThatThrownBy(() -> receiver.awaitSpans(s -> s.name().equals("never"), 1,
            Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected at least 1 matching span(s)")
        .hasMessageContaining("Received 1 span(s) in 1 trace(s)")
        .hasMessageContaining("GET /health SERVER");
  }

  @Test
  void resetForgetsEverything() {
    exportOneSpan("first");
    receiver.awaitSpan("first", TIMEOUT);

    receiver.reset();

    assertThat(receiver.spans()).isEmpty();
    assertThat(receiver.requestCount(Signal.TRACES)).isZero();
    assertThat(receiver.lastRequest(Signal.TRACES)).isEmpty();
    exportOneSpan("second");
    assertThat(receiver.awaitSpans(s -> true, 1, TIMEOUT))
        .extracting(ReceivedSpan::name)
        .containsExactly("second");
  }

  @Test
  void startsOnRequestedPorts() throws Exception {
    int grpcPort;
    int httpPort;
    try (java.net.ServerSocket a = new java.net.ServerSocket(0);
        java.net.ServerSocket b = new java.net.ServerSocket(0)) {
      grpcPort = a.getLocalPort();
      httpPort = b.getLocalPort();
    }
    try (OtlpReceiver onPorts = OtlpReceiver.start(grpcPort, httpPort)) {
      assertThat(onPorts.grpcPort()).isEqualTo(grpcPort);
      assertThat(onPorts.httpPort()).isEqualTo(httpPort);
      assertThat(onPorts.grpcEndpoint()).isEqualTo("http://127.0.0.1:" + grpcPort);
      assertThat(onPorts.httpEndpoint()).isEqualTo("http://127.0.0.1:" + httpPort);
    }
  }

  private void exportOneSpan(String name) {
    try (SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .addSpanProcessor(
                SimpleSpanProcessor.create(ExporterProtocol.GRPC.spanExporter(receiver)))
            .build()) {
      tracerProvider.get("test").spanBuilder(name).setSpanKind(SpanKind.SERVER).startSpan().end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    }
  }
}
