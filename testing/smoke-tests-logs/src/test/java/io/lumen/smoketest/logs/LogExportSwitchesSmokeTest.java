package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.TRACE_ID;
import static io.lumen.smoketest.logs.LoggingApps.app;
import static io.lumen.smoketest.logs.LoggingApps.config;
import static io.lumen.smoketest.logs.LoggingApps.consoleLine;
import static io.lumen.smoketest.logs.LoggingApps.logbackJars;
import static io.lumen.smoketest.logs.LoggingApps.port;
import static io.lumen.smoketest.logs.LoggingApps.work;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.apps.LogbackApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.Signal;
import org.junit.jupiter.api.Test;

/** Turning log export and MDC correlation off, separately. */
class LogExportSwitchesSmokeTest {

  @Test
  void logsExporterNoneStopsExportButKeepsCorrelation() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      ReceivedSpan server;
      try (ForkedJvm app =
          app(LogbackApp.class, logbackJars("1.5.38", "2.0.17").toArray(String[]::new))
              .systemProperty("logback.configurationFile", config("logback-app.xml"))
              .exportTo(receiver)
              .environment("OTEL_LOGS_EXPORTER", "none")
              .start()) {
        work(port(app));
        server = receiver.awaitSpan(s -> s.traceId().equals(TRACE_ID), TIMEOUT);
        assertThat(consoleLine(app, "handling /work").spanId()).isEqualTo(server.spanId());
        assertThat(consoleLine(app, "after exchange").traceId()).isEmpty();
      }
      // stopped: whatever the SDK held was flushed, and there were no logs to send
      assertThat(receiver.requestCount(Signal.LOGS)).isZero();
      assertThat(receiver.logRecords()).isEmpty();
    }
  }

  @Test
  void mdcCorrelationCanBeTurnedOffAlone() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            app(LogbackApp.class, logbackJars("1.5.38", "2.0.17").toArray(String[]::new))
                .systemProperty("logback.configurationFile", config("logback-app.xml"))
                .systemProperty("otel.instrumentation.logback-mdc.enabled", "false")
                .exportTo(receiver)
                .start()) {
      work(port(app));
      ReceivedSpan server = receiver.awaitSpan(s -> s.traceId().equals(TRACE_ID), TIMEOUT);
      assertThat(
              receiver
                  .awaitLogRecord(r -> "handling /work".equals(r.bodyAsString()), TIMEOUT)
                  .spanId())
          .isEqualTo(server.spanId());
      assertThat(consoleLine(app, "handling /work").traceId()).isEmpty();
      assertThat(consoleLine(app, "handling /work").user()).isEqualTo("alice");
    }
  }
}
