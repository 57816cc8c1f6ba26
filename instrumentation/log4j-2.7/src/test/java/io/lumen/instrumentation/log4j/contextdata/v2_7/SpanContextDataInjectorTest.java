package io.lumen.instrumentation.log4j.contextdata.v2_7;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.instrumentation.logs.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Collections;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

class SpanContextDataInjectorTest {

  private final ContextDataInjector injector =
      new SpanContextDataInjector(
          ContextDataInjectorFactory.createInjector(), CorrelationKeys.defaults());

  @Test
  void contextDataOfEventsInASpanCarriesItsIdsNextToTheThreadContext() {
    try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build()) {
      Span span = tracerProvider.get("test").spanBuilder("work").startSpan();
      ThreadContext.put("user", "bob");
      StringMap data;
      try (Scope ignored = span.makeCurrent()) {
        data = injector.injectContextData(Collections.emptyList(), new SortedArrayStringMap());
      } finally {
        ThreadContext.remove("user");
        span.end();
      }
      SpanContext spanContext = span.getSpanContext();
      assertThat(data.toMap())
          .containsEntry("trace_id", spanContext.getTraceId())
          .containsEntry("span_id", spanContext.getSpanId())
          .containsEntry("trace_flags", spanContext.getTraceFlags().asHex())
          .containsEntry("user", "bob");
      assertThat(ThreadContext.get("trace_id")).isNull();
    }
  }

  @Test
  void outsideASpanNothingIsAdded() {
    StringMap data = injector.injectContextData(Collections.emptyList(), new SortedArrayStringMap());
    assertThat(data.containsKey("trace_id")).isFalse();
  }
}
