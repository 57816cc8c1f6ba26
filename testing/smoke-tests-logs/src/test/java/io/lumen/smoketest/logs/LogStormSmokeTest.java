package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.app;
import static io.lumen.smoketest.logs.LoggingApps.config;
import static io.lumen.smoketest.logs.LoggingApps.logbackJars;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.apps.LogStormApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of 100,000 log lines while log export is stuck (the collector never answers): the
 * application logs all of them at its own pace, its own file appender gets every line, the heap
 * stays small because the batch processor's queue is bounded, and what did not fit is dropped and
 * counted in the SDK's own metrics.
 *
 * <p>The bound asserted: heap in use after a full GC below {@value #HEAP_BOUND_MIB} MiB (the JVM
 * runs with {@code -Xmx256m}; the queue holds at most {@value #QUEUE_SIZE} records). Throughput with
 * and without the agent is printed, never asserted.
 */
class LogStormSmokeTest {

  private static final int LINES = 100_000;
  private static final int QUEUE_SIZE = 2048;
  private static final long HEAP_BOUND_MIB = 64;
  private static final Pattern STORM =
      Pattern.compile("STORM logged=(\\d+) elapsedMs=(\\d+) heapUsedAfterGc=(\\d+) heapMax=(\\d+)");

  @TempDir Path directory;

  @Test
  void aLogStormNeitherBlocksTheApplicationNorGrowsTheHeap() throws Exception {
    Path baselineFile = directory.resolve("without-agent.log");
    StormResult baseline;
    try (ForkedJvm app = stormApp(baselineFile).withoutAgent().name("storm-without-agent").start()) {
      baseline = StormResult.of(app);
    }

    Path withAgentFile = directory.resolve("with-agent.log");
    try (OtlpReceiver receiver = OtlpReceiver.start();
        BlackholeCollector collector = new BlackholeCollector();
        ForkedJvm app =
            stormApp(withAgentFile)
                .name("storm-with-agent")
                .exportTo(receiver)
                .environment("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", collector.logsEndpoint())
                .environment("OTEL_EXPORTER_OTLP_LOGS_TIMEOUT", "2000")
                .environment("OTEL_BLRP_MAX_QUEUE_SIZE", String.valueOf(QUEUE_SIZE))
                .environment("OTEL_EXPERIMENTAL_SDK_TELEMETRY_VERSION", "latest")
                .start()) {
      StormResult withAgent = StormResult.of(app);
      System.err.printf(
          "[storm] %,d lines: %,d ms without the agent (%,d lines/s), %,d ms with it (%,d lines/s);"
              + " heap after GC %,d KiB without, %,d KiB with%n",
          LINES,
          baseline.elapsedMillis(),
          baseline.linesPerSecond(),
          withAgent.elapsedMillis(),
          withAgent.linesPerSecond(),
          baseline.heapUsedAfterGc() / 1024,
          withAgent.heapUsedAfterGc() / 1024);

      assertThat(withAgent.logged()).isEqualTo(LINES);
      assertThat(lineCount(withAgentFile))
          .as("the application's own appender wrote every line")
          .isEqualTo(LINES)
          .isEqualTo(lineCount(baselineFile));
      assertThat(withAgent.heapUsedAfterGc()).isLessThan(HEAP_BOUND_MIB * 1024 * 1024);

      ReceivedMetric capacity =
          receiver.awaitMetric("otel.sdk.processor.log.queue.capacity", TIMEOUT);
      assertThat(capacity.points().get(0).longValue()).isEqualTo(QUEUE_SIZE);
      // Every record is either dropped at the full queue or handed to the stuck exporter.
      ReceivedMetric processed =
          receiver.awaitMetric(
              m ->
                  m.name().equals("otel.sdk.processor.log.processed")
                      && m.pointWithAttribute("error.type", "queue_full").isPresent(),
              TIMEOUT);
      long dropped = processed.pointWithAttribute("error.type", "queue_full").get().longValue();
      assertThat(dropped).isPositive().isLessThanOrEqualTo(LINES);
      // A cumulative counter: exports made during the storm carry partial counts, so wait for
      // the one that counts every line (a count that never gets there fails the wait).
      long created =
          receiver
              .awaitMetric(
                  m ->
                      m.name().equals("otel.sdk.log.created")
                          && m.points().stream().mapToLong(ReceivedDataPoint::longValue).sum()
                              == LINES,
                  TIMEOUT)
              .points()
              .stream()
              .mapToLong(ReceivedDataPoint::longValue)
              .sum();
      assertThat(created).isEqualTo(LINES);
      System.err.printf("[storm] %,d of %,d records dropped at the full queue%n", dropped, created);
    }
  }

  private ForkedJvmBuilder stormApp(Path file) {
    return app(LogStormApp.class, logbackJars("1.5.38", "2.0.17").toArray(String[]::new))
        .systemProperty("logback.configurationFile", config("logback-storm.xml"))
        .systemProperty("storm.file", file.toString())
        .args(String.valueOf(LINES));
  }

  private static long lineCount(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  private record StormResult(long logged, long elapsedMillis, long heapUsedAfterGc) {

    static StormResult of(ForkedJvm app) {
      Matcher matcher = STORM.matcher(app.waitForOutput(STORM, Duration.ofMinutes(2)));
      if (!matcher.matches()) {
        throw new AssertionError("unexpected storm line\n" + app.describeOutput());
      }
      return new StormResult(
          Long.parseLong(matcher.group(1)),
          Long.parseLong(matcher.group(2)),
          Long.parseLong(matcher.group(3)));
    }

    long linesPerSecond() {
      return logged * 1000 / Math.max(1, elapsedMillis);
    }
  }
}
