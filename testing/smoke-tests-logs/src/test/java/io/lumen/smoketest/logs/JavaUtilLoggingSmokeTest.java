package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.app;

import io.lumen.smoketest.logs.apps.JbossLogManagerApp;
import io.lumen.smoketest.logs.apps.JulApp;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.Jdks;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * java.util.logging on the JDK running the tests and on JDK 25 (it has no MDC), and JBoss
 * LogManager, which replaces its LogManager and loggers and has an MDC, at the oldest (2.1.0) and
 * newest (2.1.19) supported releases.
 */
class JavaUtilLoggingSmokeTest extends LoggingFrameworkSmokeTest {

  @Test
  void currentJdk() throws Exception {
    servesATracedRequestAndLogsIt(
        app(JulApp.class),
        new Expectations(
            false, false, true, "INFO", "WARNING", "FINE", JulApp.class,
            "log manager java.util.logging.LogManager"));
  }

  @Test
  void jdk25() throws Exception {
    Optional<Path> java25 = Jdks.java25();
    Assumptions.assumeTrue(java25.isPresent(), Jdks.notFoundMessage(25));
    servesATracedRequestAndLogsIt(
        app(JulApp.class).javaExecutable(java25.get()),
        new Expectations(
            false, false, true, "INFO", "WARNING", "FINE", JulApp.class,
            "log manager java.util.logging.LogManager"));
  }

  /**
   * JBoss LogManager 2.1.0 leaves the JDK's own System.Logger records (com.sun.net.httpserver's)
   * to an unconfigured java.util.logging logger that lets FINE through, and they would be exported
   * next to the application's: a minimum level keeps them out.
   */
  @Test
  void jbossLogManagerOldestReleaseWithMinimumLevelInfo() throws Exception {
    servesATracedRequestAndLogsIt(
        jbossApp("2.1.0.Final", "1.2.0.Final")
            .systemProperty("otel.instrumentation.logs.minimum-level", "INFO"),
        new Expectations(
            true, false, false, "INFO", "WARNING", "FINE", JbossLogManagerApp.class,
            "log manager org.jboss.logmanager.LogManager"));
  }

  @Test
  void jbossLogManagerNewestReleaseWithMdcAttributes() throws Exception {
    servesATracedRequestAndLogsIt(
        jbossApp("2.1.19.Final", "1.5.1.Final")
            .systemProperty("otel.instrumentation.java-util-logging.capture-mdc-attributes", "true"),
        new Expectations(
            true, true, true, "INFO", "WARNING", "FINE", JbossLogManagerApp.class,
            "log manager org.jboss.logmanager.LogManager"));
  }

  /** JBoss LogManager as the JVM's log manager, printing its MDC with a pattern formatter. */
  private static ForkedJvmBuilder jbossApp(String version, String wildflyCommonVersion) {
    return app(
            JbossLogManagerApp.class,
            "org.jboss.logmanager:jboss-logmanager:" + version,
            "org.wildfly.common:wildfly-common:" + wildflyCommonVersion)
        .systemProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
  }
}
