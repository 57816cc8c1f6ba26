package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.app;
import static io.lumen.smoketest.logs.LoggingApps.config;

import io.lumen.smoketest.logs.apps.Log4jApp;
import org.junit.jupiter.api.Test;

/** Log4j 2 at the oldest (2.7) and newest (2.26.x) supported releases. */
class Log4jSmokeTest extends LoggingFrameworkSmokeTest {

  @Test
  void oldestReleaseWithMdcAttributes() throws Exception {
    servesATracedRequestAndLogsIt(
        app(
                Log4jApp.class,
                "org.apache.logging.log4j:log4j-api:2.7",
                "org.apache.logging.log4j:log4j-core:2.7")
            .systemProperty("log4j.configurationFile", config("log4j2-app.xml"))
            .systemProperty("otel.instrumentation.logs.capture-mdc-attributes", "true"),
        new Expectations(true, true, true, "INFO", "WARN", "DEBUG", Log4jApp.class, "PORT"));
  }

  @Test
  void newestReleaseWithMinimumLevelInfo() throws Exception {
    servesATracedRequestAndLogsIt(
        app(
                Log4jApp.class,
                "org.apache.logging.log4j:log4j-api:2.26.1",
                "org.apache.logging.log4j:log4j-core:2.26.1")
            .systemProperty("log4j.configurationFile", config("log4j2-app.xml"))
            .systemProperty("otel.instrumentation.log4j-appender.minimum-level", "INFO"),
        new Expectations(true, false, false, "INFO", "WARN", "DEBUG", Log4jApp.class, "PORT"));
  }
}
