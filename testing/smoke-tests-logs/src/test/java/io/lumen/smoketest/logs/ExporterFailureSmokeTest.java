package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.apps.JulFloodApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An application logging through java.util.logging while every log export fails. The exporter
 * reports its failures, but never through the application's java.util.logging (the agent relocates
 * its own), so no failure becomes a log record that fails again: the SDK sees exactly the records
 * the application logged.
 */
class ExporterFailureSmokeTest {

  private static final int LINES = 500;

  /**
   * A java.util.logging console line (SimpleFormatter: date, then the source class) of the agent's
   * or the SDK's code, relocated or not; the application's own classes are {@code
   * io.lumen.smoketest}.
   */
  private static final Pattern JUL_LINE_OF_AGENT_CODE =
      Pattern.compile(
          "(?m)^\\w{3} \\d{1,2}, \\d{4} .*\\b(io\\.opentelemetry\\.|io\\.lumen\\.(?!smoketest\\.))");

  @Test
  void aFailingExporterNeverLogsIntoTheApplicationsLoggingNorLoops() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            app(JulFloodApp.class)
                .args(String.valueOf(LINES), "4")
                .exportTo(receiver)
                .environment("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", closedPortEndpoint())
                .environment("OTEL_EXPERIMENTAL_SDK_TELEMETRY_VERSION", "latest")
                .start()) {
      app.waitForOutput("LOGGED " + LINES, TIMEOUT);
      // the exporter failed, and said so on the agent's own channel
      receiver.awaitMetric(
          m ->
              m.name().equals("otel.sdk.exporter.log.exported")
                  && m.points().stream().anyMatch(p -> p.attribute("error.type") != null),
          TIMEOUT);
      app.waitForOutput(
          Pattern.compile("\\[lumen [^\\n]*(Failed to export logs|Exporting [^\\n]* failed)"),
          TIMEOUT);

      // A few more metric exports, then: created records = the application's lines, no more.
      long created = 0;
      for (int i = 0; i < 3; i++) {
        receiver.reset();
        created =
            receiver.awaitMetric("otel.sdk.log.created", TIMEOUT).points().stream()
                .mapToLong(ReceivedDataPoint::longValue)
                .sum();
      }
      assertThat(created).isEqualTo(LINES);
      assertThat(app.stderr() + app.stdout())
          .as("nothing of the agent or exporter in the application's java.util.logging output")
          .doesNotContainPattern(JUL_LINE_OF_AGENT_CODE);
      assertThat(app.stderr()).contains("WARNING: line " + (LINES - 1));
      assertThat(app.isAlive()).isTrue();
    }
  }

  private static String closedPortEndpoint() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/v1/logs";
    }
  }
}
