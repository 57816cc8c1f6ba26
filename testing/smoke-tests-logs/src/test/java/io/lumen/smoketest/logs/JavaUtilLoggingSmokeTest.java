package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.app;

import io.lumen.smoketest.logs.apps.JulApp;
import io.lumen.testing.agent.Jdks;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * java.util.logging on the JDK running the tests and on JDK 25, and JBoss LogManager (which
 * replaces its LogManager and loggers), 2.1. Neither has an MDC here.
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

  @Test
  void jbossLogManager() throws Exception {
    servesATracedRequestAndLogsIt(
        app(
                JulApp.class,
                "org.jboss.logmanager:jboss-logmanager:2.1.19.Final",
                "org.wildfly.common:wildfly-common:1.5.1.Final")
            .systemProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager"),
        new Expectations(
            false, false, true, "INFO", "WARNING", "FINE", JulApp.class,
            "log manager org.jboss.logmanager.LogManager"));
  }
}
