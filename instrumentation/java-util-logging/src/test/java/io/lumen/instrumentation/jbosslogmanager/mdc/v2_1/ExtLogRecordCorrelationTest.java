package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.instrumentation.logs.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExtLogRecordCorrelationTest {

  private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();

  @AfterEach
  void close() {
    MDC.clear();
    tracerProvider.close();
  }

  @Test
  void recordsLoggedInASpanCarryItsIdsNextToTheThreadsMdc() {
    ExtLogRecordCorrelation correlation = new ExtLogRecordCorrelation(CorrelationKeys.defaults());
    Span span = tracerProvider.get("test").spanBuilder("work").startSpan();
    MDC.put("user", "alice");
    ExtLogRecord record = newRecord();
    try (Scope ignored = span.makeCurrent()) {
      correlation.addSpanIds(record);
    } finally {
      span.end();
    }
    MDC.remove("user");

    // What %X{...} reads, also after the thread's MDC changed.
    assertThat(record.getMdc("trace_id")).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(record.getMdc("span_id")).isEqualTo(span.getSpanContext().getSpanId());
    assertThat(record.getMdc("trace_flags"))
        .isEqualTo(span.getSpanContext().getTraceFlags().asHex());
    assertThat(record.getMdc("user")).isEqualTo("alice");
    // the thread's own MDC never holds the ids
    assertThat(MDC.get("trace_id")).isNull();
  }

  @Test
  void configuredKeysAndTheApplicationsOwnValuesWin() {
    ExtLogRecordCorrelation correlation =
        new ExtLogRecordCorrelation(CorrelationKeys.create("traceId", "spanId", "flags"));
    Span span = tracerProvider.get("test").spanBuilder("work").startSpan();
    MDC.put("spanId", "set-by-the-application");
    ExtLogRecord record = newRecord();
    try (Scope ignored = span.makeCurrent()) {
      correlation.addSpanIds(record);
    } finally {
      span.end();
    }

    assertThat(record.getMdc("traceId")).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(record.getMdc("spanId")).isEqualTo("set-by-the-application");
    assertThat(record.getMdc("flags"))
        .isEqualTo(span.getSpanContext().getTraceFlags().asHex());
    assertThat(record.getMdcCopy()).doesNotContainKeys("trace_id", "span_id", "trace_flags");
  }

  @Test
  void recordsOutsideASpanAreLeftAlone() {
    ExtLogRecord record = newRecord();
    new ExtLogRecordCorrelation(CorrelationKeys.defaults()).addSpanIds(record);

    assertThat(record.getMdcCopy()).doesNotContainKeys("trace_id", "span_id", "trace_flags");
  }

  private static ExtLogRecord newRecord() {
    return new ExtLogRecord(Level.INFO, "hello", ExtLogRecord.class.getName());
  }
}
