package io.lumen.instrumentation.logback.mdc.v1_2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.lumen.instrumentation.logs.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingEventCorrelationTest {

  private final ch.qos.logback.classic.Logger logger =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("correlation");

  @Test
  void eventsCreatedInASpanCarryItsIdsNextToTheThreadsMdc() {
    LoggingEventCorrelation correlation = new LoggingEventCorrelation(CorrelationKeys.defaults());
    try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build()) {
      Span span = tracerProvider.get("test").spanBuilder("work").startSpan();
      MDC.put("user", "alice");
      LoggingEvent event;
      try (Scope ignored = span.makeCurrent()) {
        event = newEvent();
        correlation.addSpanIds(event);
      } finally {
        MDC.remove("user");
        span.end();
      }

      assertThat(event.getMDCPropertyMap())
          .containsEntry("trace_id", span.getSpanContext().getTraceId())
          .containsEntry("span_id", span.getSpanContext().getSpanId())
          .containsEntry("trace_flags", span.getSpanContext().getTraceFlags().asHex())
          .containsEntry("user", "alice");
      // the thread's own MDC never holds the ids
      assertThat(MDC.get("trace_id")).isNull();
    }
  }

  @Test
  void eventsOutsideASpanAreLeftAlone() {
    LoggingEventCorrelation correlation =
        new LoggingEventCorrelation(CorrelationKeys.create("traceId", "spanId", "flags"));
    LoggingEvent event = newEvent();
    correlation.addSpanIds(event);
    assertThat(event.getMDCPropertyMap()).doesNotContainKeys("traceId", "trace_id");
  }

  private LoggingEvent newEvent() {
    return new LoggingEvent(
        ch.qos.logback.classic.Logger.class.getName(), logger, Level.INFO, "hello", null, null);
  }
}
