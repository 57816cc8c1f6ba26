package io.lumen.instrumentation.logback.appender.v1_2;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Library mode: the appender from logback-test.xml, installed with an in-memory SDK. */
class OpenTelemetryAppenderTest {

  private static final Logger logger = LoggerFactory.getLogger("com.example.Orders");
  private static final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private static OpenTelemetrySdk sdk;

  @BeforeAll
  static void installSdk() {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                    .build())
            .build();
    OpenTelemetryAppender.install(sdk);
  }

  @AfterAll
  static void closeSdk() {
    sdk.close();
  }

  @BeforeEach
  void reset() {
    exporter.reset();
  }

  @Test
  void eventsBecomeRecordsWithSpanIdsExceptionAndMdc() {
    Span span = sdk.getTracer("test").spanBuilder("checkout").startSpan();
    MDC.put("customer", "c-7");
    try (Scope ignored = span.makeCurrent()) {
      logger.warn("order {} is late", 42, new IllegalStateException("stuck"));
    } finally {
      MDC.remove("customer");
      span.end();
    }

    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(1);
    LogRecordData record = records.get(0);
    assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.example.Orders");
    assertThat(record.getBodyValue().asString()).isEqualTo("order 42 is late");
    assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(record.getSeverityText()).isEqualTo("WARN");
    assertThat(record.getTimestampEpochNanos()).isPositive();
    assertThat(record.getSpanContext()).isEqualTo(span.getSpanContext());
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.message")))
        .isEqualTo("stuck");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("customer"))).isEqualTo("c-7");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("thread.name")))
        .isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void levelsBelowTheMinimumAreNotExported() {
    logger.debug("too chatty");
    logger.info("worth keeping");

    assertThat(exporter.getFinishedLogRecordItems())
        .extracting(record -> record.getBodyValue().asString())
        .containsExactly("worth keeping");
  }

  @Test
  void levelsMapOntoSeverities() {
    assertThat(LoggingEventMapper.severity(ch.qos.logback.classic.Level.TRACE))
        .isEqualTo(Severity.TRACE);
    assertThat(LoggingEventMapper.severity(ch.qos.logback.classic.Level.DEBUG))
        .isEqualTo(Severity.DEBUG);
    assertThat(LoggingEventMapper.severity(ch.qos.logback.classic.Level.INFO))
        .isEqualTo(Severity.INFO);
    assertThat(LoggingEventMapper.severity(ch.qos.logback.classic.Level.WARN))
        .isEqualTo(Severity.WARN);
    assertThat(LoggingEventMapper.severity(ch.qos.logback.classic.Level.ERROR))
        .isEqualTo(Severity.ERROR);
  }
}
