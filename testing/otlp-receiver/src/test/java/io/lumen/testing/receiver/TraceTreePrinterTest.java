package io.lumen.testing.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TraceTreePrinterTest {

  @Test
  void drawsARealTraceAsATreeWithKeyAttributes() {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String traceId = exportCheckoutTrace(receiver);
      ReceivedTrace trace =
          receiver.awaitTrace(s -> s.traceId().equals(traceId), 3, Duration.ofSeconds(10));

      String[] lines = TraceTreePrinter.keyAttributes().render(trace).split("\n");

      assertThat(lines).hasSize(4);
      assertThat(lines[0]).isEqualTo("trace " + traceId + " (3 spans, service.name=shop)");
      assertThat(lines[1])
          .matches(
              "  GET /users/\\{id} SERVER \\d+\\.\\d ms http.request.method=GET"
                  + " url.path=/users/7 http.route=/users/\\{id} http.response.status_code=200");
      assertThat(lines[2])
          .matches(
              "    SELECT shop.users CLIENT \\d+\\.\\d ms db.system.name=h2"
                  + " db.query.text=\"select \\* from users where id=\\?\" server.address=db");
      assertThat(lines[3])
          .matches(
              "    GET CLIENT \\d+\\.\\d ms http.request.method=GET error.type=500"
                  + " status=ERROR \"upstream failed\"");
    }
  }

  @Test
  void allAttributesShowsWhatKeyAttributesLeaveOut() {
    ReceivedSpan span = span("a", null, "shop", Map.of("thread.name", "main"), 0, 2_500_000);
    ReceivedTrace trace = ReceivedTrace.of(span.traceId(), List.of(span));

    assertThat(TraceTreePrinter.keyAttributes().render(trace)).contains("  a INTERNAL 2.5 ms\n");
    assertThat(TraceTreePrinter.allAttributes().render(trace))
        .contains("  a INTERNAL 2.5 ms thread.name=main\n");
  }

  @Test
  void marksSpansWhoseParentWasNotReceivedAndNamesServicesOfADistributedTrace() {
    ReceivedSpan frontend = span("GET /", null, "frontend", Map.of(), 0, 10_000_000);
    ReceivedSpan backend = span("GET /api", "00000000000000ff", "backend", Map.of(), 1, 5_000_000);

    String tree =
        TraceTreePrinter.keyAttributes()
            .render(ReceivedTrace.of(frontend.traceId(), List.of(backend, frontend)));

    assertThat(tree)
        .isEqualTo(
            "trace 0102030405060708090a0b0c0d0e0f10 (2 spans)\n"
                + "  GET / INTERNAL [frontend] 10.0 ms\n"
                + "  GET /api INTERNAL [backend] 5.0 ms (parent 00000000000000ff not received)\n");
  }

  private static ReceivedSpan span(
      String name, String parent, String service, Map<String, Object> attributes, long start,
      long end) {
    return new ReceivedSpan(
        "0102030405060708090a0b0c0d0e0f10",
        Long.toHexString(0x1000 + name.hashCode()),
        parent,
        "",
        name,
        ReceivedSpan.Kind.INTERNAL,
        start,
        end,
        ReceivedSpan.StatusCode.UNSET,
        "",
        attributes,
        List.of(),
        List.of(),
        Map.of("service.name", service),
        "test",
        "");
  }

  private static String exportCheckoutTrace(OtlpReceiver receiver) {
    try (SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop")))
            .addSpanProcessor(
                SimpleSpanProcessor.create(ExporterProtocol.HTTP_PROTOBUF.spanExporter(receiver)))
            .build()) {
      Tracer tracer = tracerProvider.get("test");
      Span server =
          tracer.spanBuilder("GET /users/{id}")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("http.request.method", "GET")
              .setAttribute("url.path", "/users/7")
              .setAttribute("http.route", "/users/{id}")
              .setAttribute("user_agent.original", "curl/8") // not a key attribute
              .startSpan();
      try (Scope ignored = server.makeCurrent()) {
        tracer.spanBuilder("SELECT shop.users")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system.name", "h2")
            .setAttribute("db.query.text", "select * from users where id=?")
            .setAttribute("server.address", "db")
            .startSpan()
            .end();
        Span call =
            tracer.spanBuilder("GET")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("error.type", "500")
                .startSpan();
        call.setStatus(StatusCode.ERROR, "upstream failed");
        call.end();
      }
      server.setAttribute("http.response.status_code", 200L);
      server.end();
      tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
      return server.getSpanContext().getTraceId();
    }
  }
}
