package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.LoadApp;
import io.lumen.smoketest.reliability.collector.FaultyCollector;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.LoadGenerator;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A collector that answers slowly, or not at all for a while, or fails half of the exports: no
 * application thread ever waits for it, and retries back off as OTLP asks.
 */
class SlowAndFlakyCollectorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LOAD = Duration.ofSeconds(12);

  @Test
  void noApplicationThreadWaitsWhileEveryExportHangsOrTakesFiveSeconds() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver).up();
        ForkedJvm app =
            TestApps.app(AgentUnderTest.exportingTo(collector.endpoint()), LoadApp.class)
                .serviceName("slow-collector-app")
                .echoOutput(false)
                .start()) {
      int port = AgentUnderTest.port(app);
      LoadGenerator load = LoadGenerator.start(port, 4, 2);
      load.phase("healthy");
      Thread.sleep(LOAD.toMillis() / 2);

      // Every export is now left hanging: a request that waited for one would never end.
      collector.hold();
      load.phase("hanging");
      Thread.sleep(LOAD.toMillis());
      int hangingExports = collector.heldExports();
      List<LoadGenerator.Sample> hanging = load.samples("hanging");

      collector.release();
      collector.slow(Duration.ofSeconds(5));
      load.phase("slow");
      Thread.sleep(LOAD.toMillis());
      load.stop();
      collector.release(); // forward normally again

      Set<Long> served = load.succeeded();
      receiver.awaitSpans(
          span -> span.kind() == ReceivedSpan.Kind.SERVER
              && served.contains(CollectorOutageTest.seqOf(span)),
          served.size(),
          TIMEOUT);

      assertThat(hangingExports).as("exports left hanging while requests went on").isPositive();
      assertThat(hanging).as("requests served while every export hung").isNotEmpty()
          .allMatch(LoadGenerator.Sample::ok);
      assertThat(load.errors()).isZero();

      ReliabilityReport.entry("1.3 Slow and hanging collector")
          .proves(
              "While every export hangs unanswered (held by the test's collector) the app"
                  + " serves every request, so no request thread waits for an export; with 5 s"
                  + " answers it keeps its latency; every span arrives in the end.")
          .figure("requests served / errors", load.samples().size() - load.errors() + " / "
              + load.errors())
          .figure("exports hanging when the hold ended", hangingExports)
          .figure("p50 / p99 latency, collector healthy", latency(load, "healthy"))
          .figure("p50 / p99 latency, every export hanging", latency(load, "hanging"))
          .figure("p50 / p99 latency, 5 s answers", latency(load, "slow"))
          .figure("spans received", served.size() + " of " + served.size())
          .record();
    }
  }

  @Test
  void halfTheExportsUnavailableRetriesBackOffAndTheAppNeverNotices() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver).up();
        ForkedJvm app =
            TestApps.app(AgentUnderTest.exportingTo(collector.endpoint()), LoadApp.class)
                .serviceName("flaky-collector-app")
                .echoOutput(false)
                .start()) {
      int port = AgentUnderTest.port(app);
      collector.flaky(0.5);
      try (LoadGenerator load = LoadGenerator.start(port, 2, 20)) {
        load.phase("flaky");
        Thread.sleep(2 * LOAD.toMillis());
        load.stop();
        // Let the last retries finish before looking at them.
        Thread.sleep(15_000);
        collector.release();

        Map<String, List<FaultyCollector.Attempt>> byPayload = new LinkedHashMap<>();
        for (FaultyCollector.Attempt attempt : collector.attempts()) {
          byPayload.computeIfAbsent(attempt.payloadDigest(), unused -> new ArrayList<>())
              .add(attempt);
        }
        long retried = byPayload.values().stream().filter(list -> list.size() > 1).count();
        int maxAttempts = byPayload.values().stream().mapToInt(List::size).max().orElse(0);
        double smallestGapRatio = Double.MAX_VALUE;
        for (List<FaultyCollector.Attempt> attempts : byPayload.values()) {
          for (int i = 1; i < attempts.size(); i++) {
            long gap = attempts.get(i).arrivalNanos() - attempts.get(i - 1).arrivalNanos();
            // The exporter waits at least 0.8 x 1 s x 1.5^(i-1) before attempt i+1.
            double minimum = 0.8e9 * Math.pow(1.5, i - 1);
            smallestGapRatio = Math.min(smallestGapRatio, gap / minimum);
          }
        }
        long unavailable =
            collector.attempts().stream().filter(a -> a.outcome().equals("UNAVAILABLE")).count();

        assertThat(load.errors()).isZero();
        assertThat(retried).as("batches retried").isPositive();
        assertThat(maxAttempts).as("attempts per batch").isLessThanOrEqualTo(5);
        assertThat(smallestGapRatio)
            .as("each wait at least the exponential backoff's lower bound")
            .isGreaterThanOrEqualTo(1.0);

        ReliabilityReport.entry("1.4 Flaky collector (half the exports UNAVAILABLE)")
            .proves(
                "Half of the exports are answered with gRPC UNAVAILABLE: the app serves every"
                    + " request, the exporter retries each batch at most 5 times, and waits at"
                    + " least 0.8 s x 1.5^(n-1) before attempt n+1 (exponential backoff with"
                    + " jitter). Batches that fail 5 times are dropped and counted.")
            .figure("requests served / errors",
                (load.samples().size() - load.errors()) + " / " + load.errors())
            .figure("p50 / p99 latency", latency(load, "flaky"))
            .figure("export attempts / answered UNAVAILABLE",
                collector.attempts().size() + " / " + unavailable)
            .figure("batches / retried / most attempts for one batch",
                byPayload.size() + " / " + retried + " / " + maxAttempts)
            .figure("shortest wait before a retry, as a multiple of its lower bound",
                String.format(Locale.ROOT, "%.2f", smallestGapRatio))
            .record();
      }
    }
  }

  private static String latency(LoadGenerator load, String phase) {
    List<LoadGenerator.Sample> samples = load.samples(phase);
    return String.format(
        Locale.ROOT,
        "%.1f ms / %.1f ms (%d requests)",
        LoadGenerator.percentileMillis(samples, 50),
        LoadGenerator.percentileMillis(samples, 99),
        samples.size());
  }
}
