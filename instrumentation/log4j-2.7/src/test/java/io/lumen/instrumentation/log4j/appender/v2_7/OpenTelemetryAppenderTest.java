package io.lumen.instrumentation.log4j.appender.v2_7;

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
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Library mode: the appender plugin from log4j2-test.xml, installed with an in-memory SDK. */
class OpenTelemetryAppenderTest {

  private static final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private static OpenTelemetrySdk sdk;
  private static Logger logger;

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
    logger = LogManager.getLogger("com.example.Shipping");
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
  void eventsBecomeRecordsWithSpanIdsExceptionAndContextData() {
    Span span = sdk.getTracer("test").spanBuilder("ship").startSpan();
    ThreadContext.put("parcel", "x-1");
    try (Scope ignored = span.makeCurrent()) {
      logger.error("parcel {} lost", "x-1", new IllegalStateException("truck"));
    } finally {
      ThreadContext.remove("parcel");
      span.end();
    }

    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(1);
    LogRecordData record = records.get(0);
    assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.example.Shipping");
    assertThat(record.getBodyValue().asString()).isEqualTo("parcel x-1 lost");
    assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(record.getSeverityText()).isEqualTo("ERROR");
    assertThat(record.getTimestampEpochNanos()).isPositive();
    assertThat(record.getSpanContext()).isEqualTo(span.getSpanContext());
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("parcel"))).isEqualTo("x-1");
  }

  @Test
  void levelsBelowTheMinimumAreNotExported() {
    logger.debug("noise");
    logger.warn("signal");
    assertThat(exporter.getFinishedLogRecordItems())
        .extracting(record -> record.getBodyValue().asString())
        .containsExactly("signal");
  }

  @Test
  void levelsMapOntoSeverities() {
    assertThat(Log4jEventMapper.severity(Level.TRACE)).isEqualTo(Severity.TRACE);
    assertThat(Log4jEventMapper.severity(Level.DEBUG)).isEqualTo(Severity.DEBUG);
    assertThat(Log4jEventMapper.severity(Level.INFO)).isEqualTo(Severity.INFO);
    assertThat(Log4jEventMapper.severity(Level.WARN)).isEqualTo(Severity.WARN);
    assertThat(Log4jEventMapper.severity(Level.ERROR)).isEqualTo(Severity.ERROR);
    assertThat(Log4jEventMapper.severity(Level.FATAL)).isEqualTo(Severity.FATAL);
  }
}
