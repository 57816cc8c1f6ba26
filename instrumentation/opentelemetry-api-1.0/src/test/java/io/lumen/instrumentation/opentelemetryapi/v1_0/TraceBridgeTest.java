package io.lumen.instrumentation.opentelemetryapi.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.api.trace.StatusCode;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the application records through its own API arrives in the agent's SDK unchanged. */
class TraceBridgeTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @BeforeEach
  void clearSpans() {
    BridgedApi.spans.reset();
  }

  @Test
  void tracerCarriesTheApplicationsScope() {
    BridgedApi.applicationTracer().spanBuilder("scoped").startSpan().end();

    SpanData span = onlySpan();
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("app-tracer");
    assertThat(span.getInstrumentationScopeInfo().getVersion()).isEqualTo("2.0");
  }

  @Test
  void spanBuilderSettingsArrive() {
    SpanContext linked =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    Span span =
        BridgedApi.applicationTracer()
            .spanBuilder("built")
            .setParent(Context.root().with(Span.wrap(remoteParent())))
            .setSpanKind(SpanKind.PRODUCER)
            .setStartTimestamp(1_000, TimeUnit.SECONDS)
            .setAttribute("string", "s")
            .setAttribute("long", 7L)
            .setAttribute("double", 1.5)
            .setAttribute("boolean", true)
            .setAttribute(AttributeKey.stringArrayKey("strings"), Arrays.asList("a", "b"))
            .setAttribute(AttributeKey.longArrayKey("longs"), Arrays.asList(1L, 2L))
            .setAttribute(AttributeKey.doubleArrayKey("doubles"), Arrays.asList(0.5))
            .setAttribute(AttributeKey.booleanArrayKey("booleans"), Arrays.asList(true, false))
            .addLink(linked, Attributes.of(AttributeKey.stringKey("link.reason"), "batch"))
            .startSpan();
    span.end(Instant.ofEpochSecond(1_001));

    SpanData exported = onlySpan();
    assertThat(exported.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.PRODUCER);
    assertThat(exported.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(exported.getParentSpanId()).isEqualTo(SPAN_ID);
    assertThat(exported.getParentSpanContext().isRemote()).isTrue();
    assertThat(exported.getSpanContext().getTraceState().get("vendor")).isEqualTo("value");
    assertThat(exported.getStartEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(1_000));
    assertThat(exported.getEndEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(1_001));
    assertThat(exported.getAttributes().asMap())
        .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("string"), "s")
        .containsEntry(io.opentelemetry.api.common.AttributeKey.longKey("long"), 7L)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.doubleKey("double"), 1.5)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.booleanKey("boolean"), true)
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringArrayKey("strings"),
            Arrays.asList("a", "b"))
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.longArrayKey("longs"), Arrays.asList(1L, 2L))
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.doubleArrayKey("doubles"), Arrays.asList(0.5))
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.booleanArrayKey("booleans"),
            Arrays.asList(true, false));
    LinkData link = exported.getLinks().get(0);
    assertThat(link.getSpanContext().getSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(
            link.getAttributes()
                .get(io.opentelemetry.api.common.AttributeKey.stringKey("link.reason")))
        .isEqualTo("batch");
  }

  @Test
  void setNoParentStartsANewTraceDespiteTheCurrentSpan() {
    Span outer = BridgedApi.applicationTracer().spanBuilder("outer").startSpan();
    try (application.io.opentelemetry.context.Scope ignored = outer.makeCurrent()) {
      BridgedApi.applicationTracer().spanBuilder("detached").setNoParent().startSpan().end();
    } finally {
      outer.end();
    }
    SpanData detached =
        BridgedApi.spans.getFinishedSpanItems().stream()
            .filter(span -> span.getName().equals("detached"))
            .findFirst()
            .orElseThrow(AssertionError::new);
    assertThat(detached.getParentSpanContext().isValid()).isFalse();
    assertThat(detached.getTraceId()).isNotEqualTo(outer.getSpanContext().getTraceId());
  }

  @Test
  void spanOperationsArrive() {
    Span span = BridgedApi.applicationTracer().spanBuilder("operations").startSpan();
    span.setAttribute(AttributeKey.longKey("typed"), 3L);
    span.setAttribute("plain", "p");
    span.addEvent("plain event");
    span.addEvent(
        "timed event",
        Attributes.of(AttributeKey.booleanKey("event.flag"), true),
        5,
        TimeUnit.SECONDS);
    span.recordException(
        new IllegalStateException("boom"), Attributes.of(AttributeKey.stringKey("extra"), "x"));
    span.setStatus(StatusCode.ERROR, "it failed");
    span.updateName("renamed");
    assertThat(span.isRecording()).isTrue();
    span.end();
    assertThat(span.isRecording()).isFalse();

    SpanData exported = onlySpan();
    assertThat(exported.getName()).isEqualTo("renamed");
    assertThat(exported.getAttributes().asMap())
        .containsEntry(io.opentelemetry.api.common.AttributeKey.longKey("typed"), 3L)
        .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("plain"), "p");
    assertThat(exported.getStatus().getStatusCode())
        .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    assertThat(exported.getStatus().getDescription()).isEqualTo("it failed");
    List<EventData> events = exported.getEvents();
    assertThat(events)
        .extracting(EventData::getName)
        .containsExactly("plain event", "timed event", "exception");
    assertThat(events.get(1).getEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(5));
    assertThat(
            events
                .get(1)
                .getAttributes()
                .get(io.opentelemetry.api.common.AttributeKey.booleanKey("event.flag")))
        .isTrue();
    assertThat(events.get(2).getAttributes().asMap())
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringKey("exception.type"),
            IllegalStateException.class.getName())
        .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("extra"), "x");
  }

  @Test
  void spanContextOfAnApplicationSpanIsTheAgentSpans() {
    Span span = BridgedApi.applicationTracer().spanBuilder("ids").startSpan();
    span.end();

    SpanData exported = onlySpan();
    assertThat(span.getSpanContext().getTraceId()).isEqualTo(exported.getTraceId());
    assertThat(span.getSpanContext().getSpanId()).isEqualTo(exported.getSpanId());
    assertThat(span.getSpanContext().isSampled()).isTrue();
    assertThat(span.getSpanContext().isRemote()).isFalse();
  }

  private static SpanContext remoteParent() {
    return SpanContext.createFromRemoteParent(
        TRACE_ID,
        SPAN_ID,
        TraceFlags.getSampled(),
        TraceState.builder().put("vendor", "value").build());
  }

  private static SpanData onlySpan() {
    List<SpanData> finished = BridgedApi.spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }
}
