package io.lumen.instrumentation.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogBridgeTest {

  private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private final SdkLoggerProvider loggerProvider =
      SdkLoggerProvider.builder()
          .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
          .build();
  private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();

  @AfterEach
  void close() {
    loggerProvider.close();
    tracerProvider.close();
  }

  @Test
  void recordCarriesEventFieldsThreadExceptionAndCurrentSpan() {
    LogBridge bridge = LogBridge.create(loggerProvider, LogBridgeSettings.defaults());
    IllegalStateException thrown = new IllegalStateException("boom");
    Span span = tracerProvider.get("test").spanBuilder("work").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      bridge.emit(
          "com.example.Orders",
          1_700_000_000_123_456_789L,
          Severity.WARN,
          "WARNING",
          "order 42 late",
          thrown,
          Collections.singletonMap("user", "alice"));
    } finally {
      span.end();
    }

    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(1);
    LogRecordData record = records.get(0);
    assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.example.Orders");
    assertThat(record.getTimestampEpochNanos()).isEqualTo(1_700_000_000_123_456_789L);
    assertThat(record.getObservedTimestampEpochNanos()).isPositive();
    assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(record.getSeverityText()).isEqualTo("WARNING");
    assertThat(record.getBodyValue().asString()).isEqualTo("order 42 late");
    assertThat(record.getSpanContext()).isEqualTo(span.getSpanContext());
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.message")))
        .isEqualTo("boom");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
        .contains("LogBridgeTest");
    assertThat(record.getAttributes().get(LogBridge.THREAD_NAME))
        .isEqualTo(Thread.currentThread().getName());
    assertThat(record.getAttributes().get(LogBridge.THREAD_ID))
        .isEqualTo(Thread.currentThread().getId());
    // MDC capture is off by default
    assertThat(record.getAttributes().get(AttributeKey.stringKey("user"))).isNull();
  }

  @Test
  void contextDataBecomesAttributesButNotTheCorrelationKeys() {
    LogBridge bridge =
        LogBridge.create(
            loggerProvider, LogBridgeSettings.builder().setCaptureContextData(true).build());
    Map<String, String> mdc = new LinkedHashMap<>();
    mdc.put("user", "alice");
    mdc.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
    mdc.put("span_id", "b7ad6b7169203331");
    mdc.put("trace_flags", "01");

    bridge.emit("app", 0, Severity.INFO, "INFO", "hello", null, mdc);

    LogRecordData record = exporter.getFinishedLogRecordItems().get(0);
    assertThat(record.getAttributes().get(AttributeKey.stringKey("user"))).isEqualTo("alice");
    assertThat(record.getAttributes().asMap().keySet())
        .extracting(AttributeKey::getKey)
        .doesNotContain("trace_id", "span_id", "trace_flags");
    assertThat(record.getTimestampEpochNanos()).isZero();
    assertThat(record.getSpanContext().isValid()).isFalse();
  }

  @Test
  void minimumSeverityAndOwnLoggersAreNotExported() {
    LogBridge bridge =
        LogBridge.create(
            loggerProvider, LogBridgeSettings.builder().setMinimumSeverity(Severity.WARN).build());

    assertThat(bridge.isExported(Severity.INFO, "app")).isFalse();
    assertThat(bridge.isExported(Severity.WARN, "app")).isTrue();
    assertThat(bridge.isExported(Severity.ERROR, "app")).isTrue();
    assertThat(bridge.isExported(Severity.ERROR, "io.opentelemetry.exporter.internal.http.HttpExporter"))
        .isFalse();
    assertThat(bridge.isExported(Severity.ERROR, "io.lumen.sdk.LumenOpenTelemetrySdk")).isFalse();
    assertThat(bridge.isExported(Severity.ERROR, "io.lumen.shaded.okhttp3.OkHttpClient")).isFalse();
    assertThat(bridge.isExported(Severity.ERROR, "io.lumen.agent.tooling.AgentInstaller")).isFalse();
    // An application's own package that merely starts like ours is the application's.
    assertThat(bridge.isExported(Severity.ERROR, "io.lumen.examples.users.UsersService")).isTrue();
    assertThat(LogBridge.create(loggerProvider, LogBridgeSettings.defaults())
            .isExported(Severity.TRACE, null))
        .isTrue();
  }

  @Test
  void levelNamesOfEveryFrameworkParse() {
    assertThat(LogBridgeSettings.parseSeverity("warning")).isEqualTo(Severity.WARN);
    assertThat(LogBridgeSettings.parseSeverity(" WARN ")).isEqualTo(Severity.WARN);
    assertThat(LogBridgeSettings.parseSeverity("SEVERE")).isEqualTo(Severity.ERROR);
    assertThat(LogBridgeSettings.parseSeverity("fine")).isEqualTo(Severity.DEBUG);
    assertThat(LogBridgeSettings.parseSeverity("FATAL")).isEqualTo(Severity.FATAL);
    assertThat(LogBridgeSettings.parseSeverity("ALL")).isEqualTo(Severity.UNDEFINED_SEVERITY_NUMBER);
    assertThat(LogBridgeSettings.parseSeverity("LOUD")).isNull();
  }
}
