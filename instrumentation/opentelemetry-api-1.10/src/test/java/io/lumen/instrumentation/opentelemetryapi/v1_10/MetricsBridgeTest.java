package io.lumen.instrumentation.opentelemetryapi.v1_10;

import static org.assertj.core.api.Assertions.assertThat;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.metrics.Meter;
import application.io.opentelemetry.api.metrics.ObservableDoubleGauge;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The application's meters and tracer builders (API 1.10.1, relocated to {@code
 * application.io.opentelemetry}) record into the agent's SDK, which here reads into memory.
 */
class MetricsBridgeTest {

  private static final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();

  static {
    OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .buildAndRegisterGlobal();
  }

  private static final application.io.opentelemetry.api.OpenTelemetry application =
      ApplicationOpenTelemetry110.get();

  private static final AttributeKey<String> REGION = AttributeKey.stringKey("region");

  @Test
  void everyKindOfInstrumentRecordsIntoTheAgentsSdk() {
    Meter meter =
        application
            .getMeterProvider()
            .meterBuilder("app-meter")
            .setInstrumentationVersion("1.2")
            .build();
    meter
        .counterBuilder("kinds.counter")
        .setUnit("{item}")
        .setDescription("items")
        .build()
        .add(5, Attributes.of(REGION, "eu"));
    meter.counterBuilder("kinds.double-counter").ofDoubles().build().add(2.5);
    meter.upDownCounterBuilder("kinds.up-down").build().add(-3);
    meter.upDownCounterBuilder("kinds.double-up-down").ofDoubles().build().add(1.5);
    meter.histogramBuilder("kinds.histogram").build().record(0.25);
    meter.histogramBuilder("kinds.long-histogram").ofLongs().build().record(9);
    meter.gaugeBuilder("kinds.gauge").buildWithCallback(m -> m.record(20.5));
    meter.gaugeBuilder("kinds.long-gauge").ofLongs().buildWithCallback(m -> m.record(20));
    meter.counterBuilder("kinds.observable-counter").buildWithCallback(m -> m.record(11));
    meter
        .upDownCounterBuilder("kinds.observable-up-down")
        .ofDoubles()
        .buildWithCallback(m -> m.record(-0.5, Attributes.of(REGION, "us")));

    Collection<MetricData> collected = metrics.collectAllMetrics();

    MetricData counter = metric(collected, "kinds.counter");
    assertThat(counter.getType()).isEqualTo(MetricDataType.LONG_SUM);
    assertThat(counter.getUnit()).isEqualTo("{item}");
    assertThat(counter.getDescription()).isEqualTo("items");
    assertThat(counter.getInstrumentationScopeInfo().getName()).isEqualTo("app-meter");
    assertThat(counter.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.2");
    LongPointData counted = counter.getLongSumData().getPoints().iterator().next();
    assertThat(counted.getValue()).isEqualTo(5);
    assertThat(
            counted
                .getAttributes()
                .get(io.opentelemetry.api.common.AttributeKey.stringKey("region")))
        .isEqualTo("eu");

    assertThat(doubleSum(collected, "kinds.double-counter")).isEqualTo(2.5);
    assertThat(
            metric(collected, "kinds.up-down")
                .getLongSumData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isEqualTo(-3);
    assertThat(doubleSum(collected, "kinds.double-up-down")).isEqualTo(1.5);
    assertThat(
            metric(collected, "kinds.histogram")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getSum())
        .isEqualTo(0.25);
    assertThat(
            metric(collected, "kinds.long-histogram")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getSum())
        .isEqualTo(9);
    assertThat(
            metric(collected, "kinds.gauge")
                .getDoubleGaugeData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isEqualTo(20.5);
    assertThat(
            metric(collected, "kinds.long-gauge")
                .getLongGaugeData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isEqualTo(20);
    assertThat(
            metric(collected, "kinds.observable-counter")
                .getLongSumData()
                .getPoints()
                .iterator()
                .next()
                .getValue())
        .isEqualTo(11);
    assertThat(doubleSum(collected, "kinds.observable-up-down")).isEqualTo(-0.5);
  }

  /**
   * API 1.12 added {@code close()} to asynchronous instruments, with a default that does nothing;
   * the bridge's instruments override it. (Called reflectively: API 1.10.1 has no such method.)
   */
  @Test
  void closingAnAsynchronousInstrumentRemovesItsCallback() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ObservableDoubleGauge gauge =
        application
            .getMeter("closing")
            .gaugeBuilder("closing.gauge")
            .buildWithCallback(m -> m.record(calls.incrementAndGet()));
    assertThat(names(metrics.collectAllMetrics())).contains("closing.gauge");

    java.lang.reflect.Method close = gauge.getClass().getMethod("close");
    close.setAccessible(true); // the class is package-private; 1.12+ calls it through the API
    close.invoke(gauge);

    int callsBefore = calls.get();
    metrics.collectAllMetrics();
    assertThat(calls.get()).isEqualTo(callsBefore);
  }

  /** A measurement made with an explicit context takes its exemplar from that context's span. */
  @Test
  void explicitContextIsTheAgentsForExemplars() {
    SpanContext sampled =
        SpanContext.createFromRemoteParent(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    application
        .getMeter("exemplars")
        .histogramBuilder("exemplars.histogram")
        .build()
        .record(1.0, Attributes.empty(), Context.root().with(Span.wrap(sampled)));

    MetricData histogram = metric(metrics.collectAllMetrics(), "exemplars.histogram");
    assertThat(histogram.getHistogramData().getPoints().iterator().next().getExemplars())
        .anySatisfy(
            exemplar -> {
              assertThat(exemplar.getSpanContext().getTraceId())
                  .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
              assertThat(exemplar.getSpanContext().getSpanId()).isEqualTo("00f067aa0ba902b7");
            });
  }

  @Test
  void tracerBuilderBuildsAnAgentTracerWithTheApplicationsScope() {
    application
        .getTracerProvider()
        .tracerBuilder("built")
        .setInstrumentationVersion("3.1")
        .setSchemaUrl("https://opentelemetry.io/schemas/1.21.0")
        .build()
        .spanBuilder("from built tracer")
        .startSpan()
        .end();

    SpanData span =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("from built tracer"))
            .findFirst()
            .orElseThrow(AssertionError::new);
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("built");
    assertThat(span.getInstrumentationScopeInfo().getVersion()).isEqualTo("3.1");
    assertThat(span.getInstrumentationScopeInfo().getSchemaUrl())
        .isEqualTo("https://opentelemetry.io/schemas/1.21.0");
  }

  private static MetricData metric(Collection<MetricData> collected, String name) {
    return collected.stream()
        .filter(metric -> metric.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + names(collected)));
  }

  private static double doubleSum(Collection<MetricData> collected, String name) {
    return metric(collected, name).getDoubleSumData().getPoints().iterator().next().getValue();
  }

  private static java.util.List<String> names(Collection<MetricData> collected) {
    return collected.stream()
        .map(MetricData::getName)
        .collect(java.util.stream.Collectors.toList());
  }
}
