package io.lumen.examples.sdkapp;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Duration;

/**
 * An application that uses Lumen as a library, without the agent: one call configures
 * OpenTelemetry from the environment, then it records a few checkouts as spans, metrics and log
 * records. Everything goes to the collector at localhost:4317 unless {@code OTEL_*} says otherwise.
 */
public final class CheckoutApp {

  private static final AttributeKey<String> PAYMENT_METHOD = AttributeKey.stringKey("payment.method");
  private static final AttributeKey<Long> ITEM_COUNT = AttributeKey.longKey("order.item_count");

  private final Tracer tracer;
  private final LongCounter orders;
  private final DoubleHistogram amounts;
  private final Logger logger;

  CheckoutApp(io.opentelemetry.api.OpenTelemetry openTelemetry) {
    tracer = openTelemetry.getTracer("io.lumen.examples.checkout", "1.0");
    Meter meter = openTelemetry.getMeter("io.lumen.examples.checkout");
    orders = meter.counterBuilder("checkout.orders").setDescription("Orders placed").setUnit("{order}").build();
    amounts =
        meter.histogramBuilder("checkout.order.amount").setDescription("Order totals").setUnit("EUR").build();
    logger = openTelemetry.getLogsBridge().get("io.lumen.examples.checkout");
  }

  public static void main(String[] args) {
    // Configures the SDK, registers it as GlobalOpenTelemetry and flushes at JVM exit.
    LumenOpenTelemetrySdk sdk = LumenOpenTelemetry.initialize();
    CheckoutApp app = new CheckoutApp(sdk.getOpenTelemetrySdk());
    app.checkout("card", 3, 42.50);
    app.checkout("invoice", 1, 9.99);
    app.checkout("card", 0, 0);
    // Not required (the SDK flushes at exit); done so the example's output says where data went.
    // A flush can report failure while a periodic metric export is running; nothing is lost then.
    boolean flushed = sdk.flush(Duration.ofSeconds(10));
    System.out.println(
        "3 checkouts recorded" + (flushed ? " and exported" : "; some export is still in progress"));
  }

  void checkout(String paymentMethod, int items, double amount) {
    Span span =
        tracer
            .spanBuilder("checkout")
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(PAYMENT_METHOD, paymentMethod)
            .setAttribute(ITEM_COUNT, (long) items)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      if (items == 0) {
        span.setStatus(StatusCode.ERROR, "empty cart");
        // Emitted while the span is current: the record carries its trace and span ids.
        logger.logRecordBuilder().setSeverity(Severity.WARN).setBody("rejected an empty cart").emit();
        return;
      }
      charge(paymentMethod, amount);
      orders.add(1, Attributes.of(PAYMENT_METHOD, paymentMethod));
      amounts.record(amount, Attributes.of(PAYMENT_METHOD, paymentMethod));
      logger
          .logRecordBuilder()
          .setSeverity(Severity.INFO)
          .setBody("order placed")
          .setAttribute(ITEM_COUNT, (long) items)
          .emit();
    } finally {
      span.end();
    }
  }

  private void charge(String paymentMethod, double amount) {
    Span span =
        tracer
            .spanBuilder("charge " + paymentMethod)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("payment.amount", amount)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      // a payment provider would be called here
    } finally {
      span.end();
    }
  }
}
