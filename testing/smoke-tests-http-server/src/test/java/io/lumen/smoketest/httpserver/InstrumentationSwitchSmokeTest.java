package io.lumen.smoketest.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpserver.apps.EmbeddedServer;
import io.lumen.testing.receiver.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.instrumentation.servlet.enabled=false}, the name the README documents, turns the
 * servlet instrumentation off: the application serves as before and nothing is recorded for it.
 */
class InstrumentationSwitchSmokeTest {

  @Test
  void servletInstrumentationCanBeTurnedOffByItsCommonName() throws Exception {
    try (ServerUnderTest server =
        ServerUnderTest.start(
            "Tomcat 9 servlet off",
            List.of("tomcat-9.0.123"),
            List.of(
                "-Dotel.instrumentation.servlet.enabled=false", "-Dotel.javaagent.debug=true"),
            EmbeddedServer.class.getName(),
            "tomcat",
            "javax")) {
      server.app().waitForOutput("instrumentation servlet-3.0 disabled by configuration",
          ServerUnderTest.TIMEOUT);
      assertThat(server.get("/hello").body()).isEqualTo("hello");

      // Two metric exports after the request: its span, had there been one, went out long before
      // (spans are exported every 100 ms, metrics every 500 ms).
      int exports = server.receiver().requestCount(Signal.METRICS);
      long deadline = System.nanoTime() + ServerUnderTest.TIMEOUT.toNanos();
      while (server.receiver().requestCount(Signal.METRICS) < exports + 2) {
        assertThat(System.nanoTime()).as("metric exports keep arriving").isLessThan(deadline);
        Thread.sleep(Duration.ofMillis(50).toMillis());
      }
      assertThat(server.receiver().spans()).isEmpty();
      assertThat(server.receiver().metrics())
          .noneMatch(metric -> metric.name().startsWith("http.server."));
    }
  }
}
