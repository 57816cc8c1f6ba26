package io.lumen.instrumentation.logback.appender.v1_2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An appender configured before the SDK exists (logging starts first): it waits for the SDK to
 * register itself as global, and never fixes the global to a no-op by asking for it too early.
 */
class OpenTelemetryAppenderGlobalTest {

  private final LoggerContext context = new LoggerContext();
  private final ch.qos.logback.classic.Logger logger = context.getLogger("early");

  @AfterEach
  void resetGlobal() {
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void eventsBeforeTheSdkAreDroppedAndLaterOnesGoThroughTheGlobalSdk() {
    GlobalOpenTelemetry.resetForTest();
    OpenTelemetryAppender appender = new OpenTelemetryAppender();
    appender.setContext(context);
    appender.start();

    appender.doAppend(event("before the SDK"));
    assertThat(GlobalOpenTelemetry.isSet()).as("the appender left the global alone").isFalse();

    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                    .build())
            .buildAndRegisterGlobal()) {
      appender.doAppend(event("after the SDK"));

      assertThat(exporter.getFinishedLogRecordItems())
          .extracting(record -> record.getBodyValue().asString())
          .containsExactly("after the SDK");
    }
  }

  private LoggingEvent event(String message) {
    return new LoggingEvent(
        ch.qos.logback.classic.Logger.class.getName(), logger, Level.INFO, message, null, null);
  }
}
