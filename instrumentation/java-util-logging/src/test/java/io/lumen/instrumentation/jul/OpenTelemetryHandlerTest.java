package io.lumen.instrumentation.jul;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Library mode: the handler on a logger, with an in-memory SDK. */
class OpenTelemetryHandlerTest {

  private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().build())
          .setLoggerProvider(
              SdkLoggerProvider.builder()
                  .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                  .build())
          .build();
  private final Logger logger = Logger.getLogger("com.example.Payments");
  private final OpenTelemetryHandler handler = new OpenTelemetryHandler(sdk);

  @BeforeEach
  void addHandler() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  @AfterEach
  void removeHandler() {
    logger.removeHandler(handler);
    sdk.close();
  }

  @Test
  void recordsBecomeLogRecordsWithFormattedMessageSpanAndException() {
    Span span = sdk.getTracer("test").spanBuilder("pay").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      logger.log(Level.WARNING, "payment {0} declined", new Object[] {"p-9"});
      logger.log(Level.SEVERE, "gateway down", new IllegalStateException("503"));
    } finally {
      span.end();
    }

    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(2);
    LogRecordData warning = records.get(0);
    assertThat(warning.getInstrumentationScopeInfo().getName()).isEqualTo("com.example.Payments");
    assertThat(warning.getBodyValue().asString()).isEqualTo("payment p-9 declined");
    assertThat(warning.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(warning.getSeverityText()).isEqualTo("WARNING");
    assertThat(warning.getSpanContext()).isEqualTo(span.getSpanContext());
    assertThat(warning.getTimestampEpochNanos()).isPositive();
    LogRecordData severe = records.get(1);
    assertThat(severe.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(severe.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(severe.getAttributes().get(AttributeKey.stringKey("exception.message")))
        .isEqualTo("503");
  }

  @Test
  void theHandlersLevelApplies() {
    handler.setLevel(Level.INFO);
    logger.fine("details");
    logger.info("summary");
    assertThat(exporter.getFinishedLogRecordItems())
        .extracting(record -> record.getBodyValue().asString())
        .containsExactly("summary");
  }

  @Test
  void levelsMapOntoSeverities() {
    assertThat(LogRecordMapper.severity(Level.FINEST)).isEqualTo(Severity.TRACE);
    assertThat(LogRecordMapper.severity(Level.FINER)).isEqualTo(Severity.TRACE4);
    assertThat(LogRecordMapper.severity(Level.FINE)).isEqualTo(Severity.DEBUG);
    assertThat(LogRecordMapper.severity(Level.CONFIG)).isEqualTo(Severity.DEBUG4);
    assertThat(LogRecordMapper.severity(Level.INFO)).isEqualTo(Severity.INFO);
    assertThat(LogRecordMapper.severity(Level.WARNING)).isEqualTo(Severity.WARN);
    assertThat(LogRecordMapper.severity(Level.SEVERE)).isEqualTo(Severity.ERROR);
  }
}
