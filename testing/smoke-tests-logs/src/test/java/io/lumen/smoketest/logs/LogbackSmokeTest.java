package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.app;
import static io.lumen.smoketest.logs.LoggingApps.config;
import static io.lumen.smoketest.logs.LoggingApps.logbackJars;

import io.lumen.smoketest.logs.apps.LogbackApp;
import org.junit.jupiter.api.Test;

/** Logback at the oldest (1.2.0, SLF4J 1.7) and newest (1.5.x, SLF4J 2) supported releases. */
class LogbackSmokeTest extends LoggingFrameworkSmokeTest {

  @Test
  void oldestReleaseWithMinimumLevelInfo() throws Exception {
    servesATracedRequestAndLogsIt(
        app(LogbackApp.class, logbackJars("1.2.0", "1.7.22").toArray(String[]::new))
            .systemProperty("logback.configurationFile", config("logback-app.xml"))
            .systemProperty("otel.instrumentation.logs.minimum-level", "INFO"),
        new Expectations(true, false, false, "INFO", "WARN", "DEBUG", LogbackApp.class, "PORT"));
  }

  @Test
  void newestReleaseWithMdcAttributes() throws Exception {
    servesATracedRequestAndLogsIt(
        app(LogbackApp.class, logbackJars("1.5.38", "2.0.17").toArray(String[]::new))
            .systemProperty("logback.configurationFile", config("logback-app.xml"))
            .systemProperty("otel.instrumentation.logback-appender.capture-mdc-attributes", "true"),
        new Expectations(true, true, true, "INFO", "WARN", "DEBUG", LogbackApp.class, "PORT"));
  }
}
