package io.lumen.smoketest.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/**
 * An application that records metrics, and builds a tracer, through its own OpenTelemetry API (1.10
 * or newer: it uses only what 1.10 had). Prints {@code DONE} once everything is recorded and then
 * stays up, so the agent's metric reader exports the values until the test has seen them.
 */
public final class OtelMetricsApp {

  static final String METER = "lumen.smoketest.otelapi.metrics";
  static final String TRACER = "lumen.smoketest.otelapi.builder";

  private static final AttributeKey<String> REGION = AttributeKey.stringKey("app.region");

  private OtelMetricsApp() {}

  public static void main(String[] args) throws InterruptedException {
    Meter meter = GlobalOpenTelemetry.meterBuilder(METER).setInstrumentationVersion("1.2").build();

    LongCounter orders =
        meter
            .counterBuilder("app.orders")
            .setDescription("Orders placed")
            .setUnit("{order}")
            .build();
    orders.add(3, Attributes.of(REGION, "eu"));
    orders.add(2, Attributes.of(REGION, "eu"));
    orders.add(1, Attributes.of(REGION, "us"));
    meter.counterBuilder("app.revenue").ofDoubles().setUnit("EUR").build().add(12.5);

    meter.upDownCounterBuilder("app.queue.depth").build().add(5);
    meter.upDownCounterBuilder("app.queue.depth").build().add(-2);

    meter.histogramBuilder("app.latency").setUnit("s").build().record(0.1);
    meter.histogramBuilder("app.latency").setUnit("s").build().record(0.3);
    meter.histogramBuilder("app.payload.size").ofLongs().setUnit("By").build().record(100);

    meter
        .gaugeBuilder("app.temperature")
        .setUnit("Cel")
        .buildWithCallback(measurement -> measurement.record(21.5, Attributes.of(REGION, "lab")));
    meter.counterBuilder("app.ticks").buildWithCallback(measurement -> measurement.record(7));
    meter
        .upDownCounterBuilder("app.connections")
        .buildWithCallback(measurement -> measurement.record(4));

    Tracer tracer =
        GlobalOpenTelemetry.tracerBuilder(TRACER).setInstrumentationVersion("3.1").build();
    Span span = tracer.spanBuilder("app.built-tracer").startSpan();
    span.end();

    System.out.println("DONE");
    System.out.flush();
    Thread.sleep(60_000);
  }
}
