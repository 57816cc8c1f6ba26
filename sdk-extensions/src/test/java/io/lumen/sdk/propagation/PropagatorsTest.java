package io.lumen.sdk.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OTEL_PROPAGATORS as configured through Lumen, against the header examples of the W3C Trace
 * Context, W3C Baggage, B3, Jaeger and AWS X-Ray specifications, and against malformed headers.
 */
class PropagatorsTest {

  static final String ALL = "tracecontext,baggage,b3,b3multi,jaeger,xray,ottrace";

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<Map<String, String>>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private static final TextMapSetter<Map<String, String>> SETTER =
      (carrier, key, value) -> carrier.put(key, value);

  static TextMapPropagator configured(String propagators) {
    Map<String, String> properties = new TreeMap<>();
    if (propagators != null) {
      properties.put("otel.propagators", propagators);
    }
    properties.put("otel.sdk.disabled", "true"); // propagators are configured even then
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> properties)
            .build()) {
      return sdk.getOpenTelemetrySdk().getPropagators().getTextMapPropagator();
    }
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  static Context extract(TextMapPropagator propagator, Map<String, String> headers) {
    return propagator.extract(Context.root(), headers, GETTER);
  }

  static SpanContext extractSpanContext(TextMapPropagator propagator, Map<String, String> headers) {
    return Span.fromContext(extract(propagator, headers)).getSpanContext();
  }

  static Map<String, String> inject(TextMapPropagator propagator, Context context) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    propagator.inject(context, headers, SETTER);
    return headers;
  }

  @Test
  void defaultIsTraceContextAndBaggage() {
    assertThat(configured(null).fields()).containsExactlyInAnyOrder("traceparent", "tracestate", "baggage");
  }

  @ParameterizedTest
  @CsvSource({
    "tracecontext, traceparent",
    "baggage, baggage",
    "b3, b3",
    "b3multi, X-B3-TraceId",
    "jaeger, uber-trace-id",
    "xray, X-Amzn-Trace-Id",
    "ottrace, ot-tracer-traceid",
  })
  void everyNamedPropagatorIsAvailable(String name, String header) {
    assertThat(configured(name).fields()).contains(header);
  }

  @Test
  void w3cTraceContextSpecExampleRoundTrips() {
    TextMapPropagator propagator = configured("tracecontext");
    Map<String, String> inbound =
        headers(
            "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");

    Context context = extract(propagator, inbound);
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    assertThat(spanContext.isRemote()).isTrue();
    assertThat(spanContext.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(spanContext.getSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(spanContext.isSampled()).isTrue();
    assertThat(spanContext.getTraceState().get("congo")).isEqualTo("t61rcWkgMzE");
    assertThat(spanContext.getTraceState().get("rojo")).isEqualTo("00f067aa0ba902b7");

    assertThat(inject(propagator, context)).isEqualTo(inbound);
  }

  @Test
  void w3cTraceContextUnsampledAndFutureVersion() {
    TextMapPropagator propagator = configured("tracecontext");
    SpanContext unsampled =
        extractSpanContext(
            propagator, headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"));
    assertThat(unsampled.isValid()).isTrue();
    assertThat(unsampled.isSampled()).isFalse();
    // A higher version may append fields; its first fields are still read (spec: "versioning").
    SpanContext future =
        extractSpanContext(
            propagator,
            headers("traceparent", "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-what-the-future-holds"));
    assertThat(future.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void w3cBaggageSpecExampleRoundTrips() {
    TextMapPropagator propagator = configured("baggage");
    Context context =
        extract(propagator, headers("baggage", "userId=alice,serverNode=DF%2028,isProduction=false"));
    Baggage baggage = Baggage.fromContext(context);
    assertThat(baggage.getEntryValue("userId")).isEqualTo("alice");
    assertThat(baggage.getEntryValue("serverNode")).isEqualTo("DF 28");
    assertThat(baggage.getEntryValue("isProduction")).isEqualTo("false");

    Context reExtracted = extract(propagator, inject(propagator, context));
    assertThat(Baggage.fromContext(reExtracted).asMap()).isEqualTo(baggage.asMap());
  }

  @Test
  void b3SingleHeaderSpecExample() {
    TextMapPropagator propagator = configured("b3");
    Context context =
        extract(
            propagator,
            headers("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90"));
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    assertThat(spanContext.getTraceId()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
    assertThat(spanContext.getSpanId()).isEqualTo("e457b5a2e4d86bd1");
    assertThat(spanContext.isSampled()).isTrue();
    // The parent span id is informational in B3 and is not sent on.
    assertThat(inject(propagator, context))
        .containsEntry("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
  }

  @Test
  void b3With64BitTraceIdIsLeftPadded() {
    SpanContext spanContext =
        extractSpanContext(configured("b3"), headers("b3", "a3ce929d0e0e4736-00f067aa0ba902b7-1"));
    assertThat(spanContext.getTraceId()).isEqualTo("0000000000000000a3ce929d0e0e4736");
  }

  @Test
  void b3MultiHeaderSpecExampleRoundTrips() {
    TextMapPropagator propagator = configured("b3multi");
    Map<String, String> inbound =
        headers(
            "X-B3-TraceId", "80f198ee56343ba864fe8b2a57d3eff7",
            "X-B3-ParentSpanId", "05e3ac9a4f6e3b90",
            "X-B3-SpanId", "e457b5a2e4d86bd1",
            "X-B3-Sampled", "1");
    Context context = extract(propagator, inbound);
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    assertThat(spanContext.getTraceId()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
    assertThat(spanContext.getSpanId()).isEqualTo("e457b5a2e4d86bd1");
    assertThat(spanContext.isSampled()).isTrue();
    assertThat(inject(propagator, context))
        .containsEntry("X-B3-TraceId", "80f198ee56343ba864fe8b2a57d3eff7")
        .containsEntry("X-B3-SpanId", "e457b5a2e4d86bd1")
        .containsEntry("X-B3-Sampled", "1");
  }

  @Test
  void jaegerUberTraceIdRoundTrips() {
    TextMapPropagator propagator = configured("jaeger");
    Context context =
        extract(
            propagator,
            headers("uber-trace-id", "80f198ee56343ba864fe8b2a57d3eff7:e457b5a2e4d86bd1:05e3ac9a4f6e3b90:1"));
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    assertThat(spanContext.getTraceId()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
    assertThat(spanContext.getSpanId()).isEqualTo("e457b5a2e4d86bd1");
    assertThat(spanContext.isSampled()).isTrue();
    assertThat(inject(propagator, context).get("uber-trace-id"))
        .startsWith("80f198ee56343ba864fe8b2a57d3eff7:e457b5a2e4d86bd1:")
        .endsWith(":1");
  }

  @Test
  void awsXrayHeaderExampleRoundTrips() {
    TextMapPropagator propagator = configured("xray");
    Context context =
        extract(
            propagator,
            headers(
                "X-Amzn-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    assertThat(spanContext.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
    assertThat(spanContext.getSpanId()).isEqualTo("53995c3f42cd8ad8");
    assertThat(spanContext.isSampled()).isTrue();
    assertThat(inject(propagator, context).get("X-Amzn-Trace-Id"))
        .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
  }

  @Test
  void otTraceRoundTrips() {
    TextMapPropagator propagator = configured("ottrace");
    Context context =
        extract(
            propagator,
            headers(
                "ot-tracer-traceid", "80f198ee56343ba864fe8b2a57d3eff7",
                "ot-tracer-spanid", "e457b5a2e4d86bd1",
                "ot-tracer-sampled", "true"));
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    assertThat(spanContext.getTraceId()).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
    assertThat(spanContext.getSpanId()).isEqualTo("e457b5a2e4d86bd1");
    assertThat(spanContext.isSampled()).isTrue();
    assertThat(inject(propagator, context))
        .containsEntry("ot-tracer-spanid", "e457b5a2e4d86bd1")
        .containsEntry("ot-tracer-sampled", "true");
  }

  @Test
  void allPropagatorsTogetherInjectEveryFormat() {
    TextMapPropagator propagator = configured(ALL);
    Context context =
        extract(
            propagator,
            headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    Map<String, String> outbound = inject(propagator, context);
    assertThat(outbound)
        .containsKeys(
            "traceparent", "b3", "X-B3-TraceId", "uber-trace-id", "X-Amzn-Trace-Id", "ot-tracer-traceid");
    assertThat(outbound.get("b3")).startsWith("0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "traceparent     | 00-0af7651916cd43dd8448eb211c8031-b7ad6b7169203331-01",
        "traceparent     | 00-0af7651916cd43dd8448eb211c80319c0-b7ad6b7169203331-01",
        "traceparent     | 00-0af7651916cd43dd8448eb211c80319c-b7ad6b71692033-01",
        "traceparent     | 00-0af7651916cd43dd8448eb211c80319g-b7ad6b7169203331-01",
        "traceparent     | 00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01",
        "traceparent     | 00-00000000000000000000000000000000-b7ad6b7169203331-01",
        "traceparent     | 00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
        "traceparent     | ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "traceparent     | 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
        "traceparent     | 00_0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331_01",
        "traceparent     | ''",
        "b3              | 80f198ee56343ba864fe8b2a57d3eff7",
        "b3              | 80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bdz-1",
        "b3              | 00000000000000000000000000000000-e457b5a2e4d86bd1-1",
        "b3              | 80f198ee56343ba864fe8b2a57d3eff7-0000000000000000-1",
        "b3              | 80f198ee56343ba864fe8b2a57d3eff7ab-e457b5a2e4d86bd1-1",
        "X-B3-TraceId    | not-hex-at-all-not-hex-at-all-xx",
        "uber-trace-id   | 0:0:0:1",
        "uber-trace-id   | 80f198ee56343ba864fe8b2a57d3eff7:e457b5a2e4d86bd1",
        "uber-trace-id   | zz:yy:xx:ww",
        "uber-trace-id   | 80f198ee56343ba8%zz",
        "X-Amzn-Trace-Id | Root=1-zzz;Parent=53995c3f42cd8ad8;Sampled=1",
        "X-Amzn-Trace-Id | Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000;Sampled=1",
        "X-Amzn-Trace-Id | ;;;===",
        "ot-tracer-traceid | 80f198ee56343ba864fe8b2a57d3eff7ZZ",
      })
  void malformedHeadersGiveAnInvalidContextNeverAnException(String header, String value) {
    TextMapPropagator propagator = configured(ALL);
    Map<String, String> inbound = headers(header, value);
    if (header.equalsIgnoreCase("ot-tracer-traceid")) {
      inbound.put("ot-tracer-spanid", "e457b5a2e4d86bd1");
      inbound.put("ot-tracer-sampled", "true");
    }
    SpanContext spanContext = extractSpanContext(propagator, inbound);
    assertThat(spanContext.isValid()).as(value).isFalse();
  }

  @Test
  void aPropagatorThatThrowsDoesNotCostTheOthersTheirContext() {
    // The Jaeger propagator of 1.65.0 throws on a bad %-escape; Lumen contains that per propagator.
    SpanContext spanContext =
        extractSpanContext(
            configured(ALL),
            headers(
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "uber-trace-id", "%;c"));
    assertThat(spanContext.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void oversizedBaggageIsDroppedAndTooManyEntriesAreCapped() {
    TextMapPropagator propagator = configured(ALL);
    StringBuilder oversized = new StringBuilder("big=");
    for (int i = 0; i < 9000; i++) {
      oversized.append('x');
    }
    assertThat(Baggage.fromContext(extract(propagator, headers("baggage", oversized.toString()))).isEmpty())
        .isTrue();

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      many.append(i == 0 ? "" : ",").append("k").append(i).append("=v");
    }
    assertThat(Baggage.fromContext(extract(propagator, headers("baggage", many.toString()))).size())
        .isLessThanOrEqualTo(64);

    assertThatCode(() -> extract(propagator, headers("baggage", "===;;;,,,%%%zz=%")))
        .doesNotThrowAnyException();
  }

  @Test
  void randomGarbageInEveryHeaderNeverThrows() {
    TextMapPropagator propagator = configured(ALL);
    Random random = new Random(42);
    String alphabet = "0123456789abcdefABCDEF-:;=,%_ xyzRootParentSampled1";
    for (int i = 0; i < 5_000; i++) {
      Map<String, String> inbound = headers();
      for (String field : propagator.fields()) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(80);
        for (int c = 0; c < length; c++) {
          value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        inbound.put(field, value.toString());
      }
      assertThatCode(() -> extract(propagator, inbound)).as(inbound.toString()).doesNotThrowAnyException();
    }
  }
}
