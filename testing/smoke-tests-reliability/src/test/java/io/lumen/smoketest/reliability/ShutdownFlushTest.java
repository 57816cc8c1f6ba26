package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.LoadApp;
import io.lumen.smoketest.reliability.collector.FaultyCollector;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What is queued when the application stops is exported: on a normal exit and on SIGTERM the last
 * request's span and log record arrive, although the batch processors would only have sent them a
 * minute later; and a collector that does not answer cannot hold the exit up longer than {@code
 * otel.lumen.shutdown.timeout}.
 */
class ShutdownFlushTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient client = HttpClient.newHttpClient();

  @Test
  void normalExitFlushesTheLastRequest() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver).up();
        ForkedJvm app = withLongBatchDelays(collector).start()) {
      int port = AgentUnderTest.port(app);
      get(port, "/work?seq=4242");
      get(port, "/exit");
      assertThat(app.waitForExit(TIMEOUT)).isZero();

      ReceivedSpan span = receiver.awaitSpan(s -> CollectorOutageTest.seqOf(s) == 4242, TIMEOUT);
      ReceivedLogRecord log =
          receiver.awaitLogRecord(r -> "handled seq=4242".equals(r.bodyAsString()), TIMEOUT);
      assertThat(span.traceId()).isEqualTo(log.traceId());

      ReliabilityReport.entry("1.5 Shutdown: normal exit")
          .proves(
              "With the batch processors' delays at 60 s, the app handles a request and calls"
                  + " `System.exit(0)`: the request's span and log record arrive, exported by"
                  + " the shutdown hook.")
          .figure("last request's span / log record received", "yes / yes")
          .record();
    }
  }

  @Test
  void sigtermFlushesTheLastRequest() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver).up();
        ForkedJvm app = withLongBatchDelays(collector).start()) {
      int port = AgentUnderTest.port(app);
      // The server span ends 300 ms after the response reached this client, which then stops the
      // JVM at once: the span is open when the shutdown hook starts, and must arrive anyway.
      get(port, "/work?seq=4343&linger=300");
      long stop = System.nanoTime();
      app.destroy(); // SIGTERM, then (after 10 s) SIGKILL
      long stopMillis = (System.nanoTime() - stop) / 1_000_000;

      receiver.awaitSpan(s -> CollectorOutageTest.seqOf(s) == 4343, TIMEOUT);
      receiver.awaitLogRecord(r -> "handled seq=4343".equals(r.bodyAsString()), TIMEOUT);
      assertThat(app.exitCode()).isPresent();

      ReliabilityReport.entry("1.6 Shutdown: SIGTERM")
          .proves(
              "The same with SIGTERM instead of an exit, sent as soon as the response arrives while"
                  + " the request's server span is still open (its handler ends 300 ms later): the"
                  + " last request's span and log record arrive, since the shutdown hook first"
                  + " gives open spans up to 1 s to end.")
          .figure("time from SIGTERM to exit", stopMillis + " ms")
          .figure("exit code", app.exitCode().getAsInt())
          .record();
    }
  }

  @Test
  void aCollectorThatNeverAnswersHoldsTheExitUpOnlyForTheShutdownTimeout() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver).up();
        ForkedJvm app =
            withLongBatchDelays(collector)
                .environment("OTEL_LUMEN_SHUTDOWN_TIMEOUT", "2s")
                .start()) {
      int port = AgentUnderTest.port(app);
      get(port, "/work?seq=4444");
      collector.hold();
      long stop = System.nanoTime();
      app.destroy();
      long stopMillis = (System.nanoTime() - stop) / 1_000_000;
      int held = collector.heldExports();

      // SIGTERM took effect: the JVM exited by itself, before destroy() resorted to SIGKILL
      // (exit code 143 = 128 + SIGTERM; SIGKILL would be 137).
      assertThat(app.exitCode()).hasValue(143);
      assertThat(held).as("the final exports were sent, and left unanswered").isPositive();

      ReliabilityReport.entry("1.7 Shutdown: collector never answers")
          .proves(
              "With `otel.lumen.shutdown.timeout=2s` and a collector that accepts the final"
                  + " exports but never answers (exporter timeout 10 s), SIGTERM still ends the"
                  + " JVM by itself, after about the shutdown timeout.")
          .figure("time from SIGTERM to exit", stopMillis + " ms (timeout 2000 ms)")
          .figure("final exports left unanswered", held)
          .record();
    }
  }

  private static ForkedJvmBuilder withLongBatchDelays(FaultyCollector collector) {
    return TestApps.app(AgentUnderTest.exportingTo(collector.endpoint()), LoadApp.class)
        .serviceName("shutdown-app")
        // Only a flush at shutdown can deliver within the test.
        .environment("OTEL_BSP_SCHEDULE_DELAY", "60000")
        .environment("OTEL_BLRP_SCHEDULE_DELAY", "60000")
        .environment("OTEL_METRIC_EXPORT_INTERVAL", "60000");
  }

  private static void get(int port, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
