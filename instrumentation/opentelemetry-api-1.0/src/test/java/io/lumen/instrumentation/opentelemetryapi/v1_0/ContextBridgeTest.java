package io.lumen.instrumentation.opentelemetryapi.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.baggage.BaggageEntryMetadata;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import application.io.opentelemetry.context.Scope;
import application.io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application's context and the agent's are one, whichever side makes a context current. */
class ContextBridgeTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @BeforeEach
  void clearSpans() {
    BridgedApi.spans.reset();
  }

  @AfterEach
  void nothingLeftCurrent() {
    assertThat(io.opentelemetry.context.Context.current())
        .isSameAs(io.opentelemetry.context.Context.root());
  }

  @Test
  void agentSpanIsTheApplicationsCurrentSpan() {
    io.opentelemetry.api.trace.Span agentSpan =
        BridgedApi.agentTracer().spanBuilder("agent").startSpan();
    try (io.opentelemetry.context.Scope ignored = agentSpan.makeCurrent()) {
      Span current = Span.current();

      assertThat(current.getSpanContext().getTraceId())
          .isEqualTo(agentSpan.getSpanContext().getTraceId());
      assertThat(current.getSpanContext().getSpanId())
          .isEqualTo(agentSpan.getSpanContext().getSpanId());
      assertThat(current.isRecording()).isTrue();
      // the application can annotate and name the agent's span
      current.setAttribute("from.application", "yes").updateName("renamed by application");
    } finally {
      agentSpan.end();
    }

    SpanData exported = BridgedApi.spans.getFinishedSpanItems().get(0);
    assertThat(exported.getName()).isEqualTo("renamed by application");
    assertThat(exported.getAttributes().asMap())
        .containsEntry(
            io.opentelemetry.api.common.AttributeKey.stringKey("from.application"), "yes");
  }

  @Test
  void applicationSpanIsTheParentOfTheAgentsNextSpan() {
    Span applicationSpan = BridgedApi.applicationTracer().spanBuilder("application").startSpan();
    try (Scope ignored = applicationSpan.makeCurrent()) {
      assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
          .isEqualTo(applicationSpan.getSpanContext().getSpanId());
      BridgedApi.agentTracer().spanBuilder("agent").startSpan().end();
    } finally {
      applicationSpan.end();
    }

    SpanData agent = exported("agent");
    SpanData application = exported("application");
    assertThat(agent.getParentSpanId()).isEqualTo(application.getSpanId());
    assertThat(agent.getTraceId()).isEqualTo(application.getTraceId());
  }

  @Test
  void handlesOnOneSpanAreEqual() {
    Span applicationSpan = BridgedApi.applicationTracer().spanBuilder("application").startSpan();
    try (Scope ignored = applicationSpan.makeCurrent()) {
      assertThat(Span.current()).isEqualTo(applicationSpan).hasSameHashCodeAs(applicationSpan);
    } finally {
      applicationSpan.end();
    }
  }

  /**
   * A span of an SDK the application bundles is not an agent span: the agent parents on its span
   * context, and the application keeps finding the span itself, recording, as its current span.
   */
  @Test
  void spanOfTheApplicationsOwnSdkStaysTheApplicationsCurrentSpan() {
    ApplicationOwnSpan own =
        new ApplicationOwnSpan(
            SpanContext.create(
                TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
    try (Scope ignored = own.makeCurrent()) {
      assertThat(Span.current()).isSameAs(own);
      Span.current().setAttribute("set.through.current", "yes");

      io.opentelemetry.api.trace.Span agentChild =
          BridgedApi.agentTracer().spanBuilder("agent child").startSpan();
      try (io.opentelemetry.context.Scope inner = agentChild.makeCurrent()) {
        assertThat(Span.current().getSpanContext().getSpanId())
            .isEqualTo(agentChild.getSpanContext().getSpanId());
      } finally {
        agentChild.end();
      }
      assertThat(Span.current()).isSameAs(own);
    }
    assertThat(own.attributes).containsEntry("set.through.current", "yes");
    SpanData agentChild = exported("agent child");
    assertThat(agentChild.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(agentChild.getParentSpanId()).isEqualTo(SPAN_ID);
  }

  @Test
  void applicationsOwnValuesSurviveTheAgentsContexts() {
    ContextKey<String> key = ContextKey.named("application-only");
    try (Scope outer = Context.current().with(key, "kept").makeCurrent()) {
      io.opentelemetry.api.trace.Span agentSpan =
          BridgedApi.agentTracer().spanBuilder("agent").startSpan();
      try (io.opentelemetry.context.Scope inner = agentSpan.makeCurrent()) {
        assertThat(Context.current().get(key)).isEqualTo("kept");
        assertThat(Span.current().getSpanContext().getSpanId())
            .isEqualTo(agentSpan.getSpanContext().getSpanId());
      } finally {
        agentSpan.end();
      }
      assertThat(Span.current().getSpanContext().isValid()).isFalse();
      assertThat(Context.current().get(key)).isEqualTo("kept");
    }
    assertThat(Context.current().get(key)).isNull();
  }

  /**
   * Before API 1.5, {@code Context.root()} is the API's own context, never the bridge's: a span put
   * into it still reaches the agent once that context is made current.
   */
  @Test
  void contextBuiltFromTheApisOwnRootIsBridgedWhenMadeCurrent() {
    Context unbridged = Context.root();
    Span remoteParent = Span.wrap(remoteSpanContext());
    try (Scope ignored = unbridged.with(remoteParent).makeCurrent()) {
      io.opentelemetry.api.trace.SpanContext agentView =
          io.opentelemetry.api.trace.Span.current().getSpanContext();
      assertThat(agentView.getTraceId()).isEqualTo(TRACE_ID);
      assertThat(agentView.getSpanId()).isEqualTo(SPAN_ID);
      assertThat(agentView.isRemote()).isTrue();
      assertThat(agentView.getTraceState().get("vendor")).isEqualTo("value");
    }
  }

  @Test
  void baggageIsSharedBothWays() {
    Baggage applicationBaggage =
        Baggage.builder().put("tenant", "acme", BaggageEntryMetadata.create("meta")).build();
    try (Scope ignored = applicationBaggage.makeCurrent()) {
      io.opentelemetry.api.baggage.Baggage agentView =
          io.opentelemetry.api.baggage.Baggage.current();
      assertThat(agentView.getEntryValue("tenant")).isEqualTo("acme");
      assertThat(agentView.asMap().get("tenant").getMetadata().getValue()).isEqualTo("meta");

      try (io.opentelemetry.context.Scope inner =
          agentView.toBuilder().put("region", "eu").build().makeCurrent()) {
        assertThat(Baggage.current().getEntryValue("tenant")).isEqualTo("acme");
        assertThat(Baggage.current().getEntryValue("region")).isEqualTo("eu");
      }
    }
    assertThat(Baggage.current().isEmpty()).isTrue();
  }

  @Test
  void propagatorsInjectAndExtractWithTheAgentsFormats() {
    Span applicationSpan = BridgedApi.applicationTracer().spanBuilder("application").startSpan();
    Map<String, String> headers = new HashMap<>();
    try (Scope span = applicationSpan.makeCurrent();
        Scope baggage = Baggage.current().toBuilder().put("tenant", "acme").build().makeCurrent()) {
      BridgedApi.applicationOpenTelemetry
          .getPropagators()
          .getTextMapPropagator()
          .inject(Context.current(), headers, Map::put);
    } finally {
      applicationSpan.end();
    }
    assertThat(headers)
        .containsEntry(
            "traceparent",
            "00-"
                + applicationSpan.getSpanContext().getTraceId()
                + "-"
                + applicationSpan.getSpanContext().getSpanId()
                + "-"
                + applicationSpan.getSpanContext().getTraceFlags().asHex())
        .containsEntry("baggage", "tenant=acme");
    assertThat(BridgedApi.applicationOpenTelemetry.getPropagators().getTextMapPropagator().fields())
        .contains("traceparent", "baggage");

    Context extracted =
        BridgedApi.applicationOpenTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.current(), headers, new MapGetter());
    SpanContext remote = Span.fromContext(extracted).getSpanContext();
    assertThat(remote.isRemote()).isTrue();
    assertThat(remote.getSpanId()).isEqualTo(applicationSpan.getSpanContext().getSpanId());
    assertThat(Baggage.fromContext(extracted).getEntryValue("tenant")).isEqualTo("acme");
  }

  private static SpanContext remoteSpanContext() {
    return SpanContext.createFromRemoteParent(
        TRACE_ID,
        SPAN_ID,
        TraceFlags.getSampled(),
        TraceState.builder().put("vendor", "value").build());
  }

  private static SpanData exported(String name) {
    List<SpanData> finished = BridgedApi.spans.getFinishedSpanItems();
    return finished.stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + finished));
  }

  private static final class MapGetter implements TextMapGetter<Map<String, String>> {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier.get(key);
    }
  }
}
