package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.LoadApp;
import io.lumen.smoketest.reliability.collector.FaultyCollector;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.LoadGenerator;
import io.lumen.smoketest.reliability.support.Outage;
import io.lumen.smoketest.reliability.support.SelfMetrics;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector is down when the application starts and stays down for the outage (30 s by
 * default) while the application is under load; then it comes back.
 *
 * <p>Without disk buffering the application serves every request, its heap stays flat, the agent
 * logs one warning, export resumes by itself, and every span and log record the application made
 * is accounted for: received, or counted as dropped in the SDK's own metrics, which reach the
 * collector too. With disk buffering nothing is lost at all.
 */
class CollectorOutageTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern SEQ = Pattern.compile("seq=(\\d+)");
  private static final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path diskBuffer;

  @Test
  void collectorDownAtStartAndUnderLoadCostsOneWarningAndEveryDropIsCounted() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver);
        ForkedJvm app = start(collector, false)) {
      Run run = underLoadThroughOutage(app, collector);

      // Export resumes by itself: requests made after the collector came back are traced.
      List<ReceivedSpan> afterRecovery =
          receiver.awaitSpans(
              span -> run.recovered.contains(seqOf(span)), run.recovered.size(), TIMEOUT);
      // Every span and log record is either received or counted as dropped by the SDK.
      SelfMetrics self = new SelfMetrics(receiver);
      Accounting spans =
          awaitAccounting(
              () -> serverSpans(receiver).size(), self::droppedSpans, run.requestsToApp(), "spans");
      Accounting logs =
          awaitAccounting(
              () -> handledLogs(receiver).size(), self::droppedLogs, run.workRequests(), "logs");

      assertThat(run.load.errors()).as("failed requests").isZero();
      assertThat(run.served()).isEqualTo(run.load.samples().size());
      assertThat(spans.dropped).as("spans dropped during the outage, counted").isPositive();
      assertThat(run.heapGrowthBytes())
          .as("heap growth between a third of the outage and its end")
          .isLessThan(32L * 1024 * 1024);
      String stderr = app.stderr();
      assertThat(exportWarnings(stderr)).as("export warnings").hasSize(1);
      assertThat(stderr).doesNotContain("Failed to export");

      ReliabilityReport.entry("1.1 Collector down at start-up and for the outage, under load")
          .proves(
              "The collector is down when the app starts and for the outage while 4 clients keep"
                  + " it busy; then it comes back. The app serves every request, its heap stays"
                  + " flat, the agent logs one warning for the whole outage (and none per batch),"
                  + " export resumes by itself, and every span and log record is accounted for:"
                  + " received, or counted as dropped in the SDK's own metrics"
                  + " (`otel.sdk.processor.*.processed` with `error.type`), which reach the"
                  + " collector too.")
          .figure("outage", Outage.length().toSeconds() + " s")
          .figure("requests served / errors", run.served() + " / " + run.load.errors())
          .figure("p50 / p99 latency during the outage", run.latency("outage"))
          .figure("p50 / p99 latency after the collector is back", run.latency("recovered"))
          .figure(
              "heap after GC: start / a third into the outage / end of the outage",
              mib(run.heapAtStart) + " / " + mib(run.heapAtThird) + " / " + mib(run.heapAtEnd))
          .figure("spans sent / received / dropped (counted)", spans)
          .figure("log records sent / received / dropped (counted)", logs)
          .figure(
              "metric points whose export failed (counted)", self.failedMetricPoints())
          .figure("export warnings logged", exportWarnings(stderr).size())
          .figure("spans of requests made after the collector came back, received",
              afterRecovery.size() + " of " + run.recovered.size())
          .record();
    }
  }

  @Test
  void withDiskBufferingEverySpanLogAndMetricPointOfTheOutageArrives() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        FaultyCollector collector = FaultyCollector.inFrontOf(receiver);
        ForkedJvm app = start(collector, true)) {
      Run run = underLoadThroughOutage(app, collector);
      long collections = run.collectionsAtEnd;

      Set<Long> expected = run.load.succeeded();
      List<ReceivedSpan> spans =
          receiver.awaitSpans(
              span -> expected.contains(seqOf(span)), expected.size(), TIMEOUT);
      List<ReceivedLogRecord> logs =
          receiver.awaitLogRecords(
              log -> expected.contains(seqOf(log.bodyAsString())), expected.size(), TIMEOUT);
      Set<Long> points = awaitCollections(receiver, collections);

      Set<Long> spanSeqs = spans.stream().map(CollectorOutageTest::seqOf).collect(toSet());
      Set<Long> logSeqs =
          logs.stream().map(log -> seqOf(log.bodyAsString())).collect(toSet());
      long spanDuplicates = spans.size() - spans.stream().map(ReceivedSpan::spanId).distinct().count();
      long logDuplicates = logs.size() - logSeqs.size();
      assertThat(run.load.errors()).isZero();
      assertThat(spanSeqs).as("a span for every request").containsAll(expected);
      assertThat(logSeqs).as("a log record for every request").containsAll(expected);
      assertThat(points).as("every collection of the gauge").containsAll(range(1, collections));
      assertThat(spanDuplicates).isZero();
      assertThat(logDuplicates).isZero();
      SelfMetrics self = new SelfMetrics(receiver);
      assertThat(self.droppedSpans()).isZero();
      assertThat(self.droppedLogs()).isZero();
      assertThat(exportWarnings(app.stderr())).hasSize(1);

      ReliabilityReport.entry("1.2 No loss across an outage, with disk buffering")
          .proves(
              "The same outage with `otel.lumen.disk-buffering.enabled=true`: every span, log"
                  + " record and metric point produced while the collector was down arrives once"
                  + " it is back; none missing, none twice.")
          .figure("outage", Outage.length().toSeconds() + " s")
          .figure("requests served / errors", run.served() + " / " + run.load.errors())
          .figure("p50 / p99 latency during the outage", run.latency("outage"))
          .figure("p50 / p99 latency after the collector is back", run.latency("recovered"))
          .figure(
              "spans sent / received / missing / duplicates",
              expected.size() + " / " + spanSeqs.size() + " / "
                  + missing(expected, spanSeqs) + " / " + spanDuplicates)
          .figure(
              "log records sent / received / missing / duplicates",
              expected.size() + " / " + logSeqs.size() + " / "
                  + missing(expected, logSeqs) + " / " + logDuplicates)
          .figure(
              "metric points (gauge collections) made by the end of the load / received"
                  + " (later ones included) / missing",
              collections + " / " + points.size() + " / "
                  + missing(range(1, collections), points))
          .figure(
              "heap after GC: start / end of the outage",
              mib(run.heapAtStart) + " / " + mib(run.heapAtEnd))
          .record();
    }
  }

  private ForkedJvm start(FaultyCollector collector, boolean diskBuffering) {
    ForkedJvmBuilder builder =
        TestApps.app(AgentUnderTest.exportingTo(collector.endpoint()), LoadApp.class)
            .serviceName("outage-app")
            .addJvmArgs("-Xmx256m")
            .echoOutput(false);
    if (diskBuffering) {
      builder
          .environment("OTEL_LUMEN_DISK_BUFFERING_ENABLED", "true")
          .environment("OTEL_LUMEN_DISK_BUFFERING_DIRECTORY", diskBuffer.toString());
    }
    return builder.start();
  }

  /** Load through the whole outage (the collector is down from the start), then recovery. */
  private static Run underLoadThroughOutage(ForkedJvm app, FaultyCollector collector)
      throws Exception {
    int port = AgentUnderTest.port(app);
    Run run = new Run();
    run.heapAtStart = stats(port, run).heap;
    Duration outage = Outage.length();
    try (LoadGenerator load = LoadGenerator.start(port, 4, 2)) {
      run.load = load;
      load.phase("outage");
      Thread.sleep(outage.toMillis() / 3);
      run.heapAtThird = stats(port, run).heap;
      Thread.sleep(outage.toMillis() - outage.toMillis() / 3);
      run.heapAtEnd = stats(port, run).heap;
      collector.up();
      load.phase("recovered");
      Thread.sleep(5_000);
      load.stop();
    }
    run.recovered =
        run.load.samples("recovered").stream()
            .filter(LoadGenerator.Sample::ok)
            .map(LoadGenerator.Sample::seq)
            .collect(toSet());
    Thread.sleep(1_500); // a few collections after the load, so the last points are exported
    run.collectionsAtEnd = stats(port, run).collections;
    return run;
  }

  private static Stats stats(int port, Run run) throws Exception {
    run.statsRequests++;
    String body =
        client
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher matcher = Pattern.compile("heapUsed=(\\d+) collections=(\\d+)").matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return new Stats(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
  }

  private record Stats(long heap, long collections) {}

  /** What one outage run did. */
  private static final class Run {
    LoadGenerator load;
    Set<Long> recovered = Set.of();
    long heapAtStart;
    long heapAtThird;
    long heapAtEnd;
    long collectionsAtEnd;
    int statsRequests;

    long served() {
      return load.samples().stream().filter(LoadGenerator.Sample::ok).count();
    }

    long workRequests() {
      return load.samples().size();
    }

    /** Every request the app got, /stats included: one server span each. */
    long requestsToApp() {
      // The last /stats call happens after the load; its span is made too.
      return load.samples().size() + statsRequests;
    }

    long heapGrowthBytes() {
      return heapAtEnd - heapAtThird;
    }

    String latency(String phase) {
      List<LoadGenerator.Sample> samples = load.samples(phase);
      return String.format(
          Locale.ROOT,
          "%.1f ms / %.1f ms (%d requests)",
          LoadGenerator.percentileMillis(samples, 50),
          LoadGenerator.percentileMillis(samples, 99),
          samples.size());
    }
  }

  /** Sent, received and counted as dropped, for the report. */
  private record Accounting(long sent, long received, long dropped) {
    @Override
    public String toString() {
      return sent + " / " + received + " / " + dropped;
    }
  }

  /** Waits until received + dropped add up to sent (the last self-metrics export lags). */
  private static Accounting awaitAccounting(
      Supplier<Integer> received, Supplier<Long> dropped, long sent, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Accounting last;
    do {
      last = new Accounting(sent, received.get(), dropped.get());
      if (last.received + last.dropped == sent) {
        return last;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        what + ": sent " + sent + " but received " + last.received + " + dropped " + last.dropped);
  }

  private static Set<Long> awaitCollections(OtlpReceiver receiver, long upTo)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Set<Long> points;
    do {
      points =
          receiver.metrics().stream()
              .filter(metric -> metric.name().equals("reliability.collections"))
              .flatMap(metric -> metric.points().stream())
              .map(point -> point.value().longValue())
              .collect(toSet());
      if (points.containsAll(range(1, upTo))) {
        return points;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    return points;
  }

  static List<ReceivedSpan> serverSpans(OtlpReceiver receiver) {
    return receiver.spans(span -> span.kind() == ReceivedSpan.Kind.SERVER);
  }

  private static List<ReceivedLogRecord> handledLogs(OtlpReceiver receiver) {
    return receiver.logRecords().stream()
        .filter(log -> log.bodyAsString() != null && log.bodyAsString().startsWith("handled seq="))
        .toList();
  }

  static List<String> exportWarnings(String stderr) {
    return stderr.lines()
        .filter(line -> line.contains(" WARN ") && line.contains("Exporting ") && line.contains(" failed"))
        .toList();
  }

  static long seqOf(ReceivedSpan span) {
    Object query = span.attribute("url.query");
    return query == null ? -1 : seqOf(query.toString());
  }

  static long seqOf(String text) {
    if (text == null) {
      return -1;
    }
    Matcher matcher = SEQ.matcher(text);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
  }

  private static Set<Long> range(long from, long toInclusive) {
    Set<Long> values = new TreeSet<>();
    for (long value = from; value <= toInclusive; value++) {
      values.add(value);
    }
    return values;
  }

  private static long missing(Set<Long> expected, Set<Long> received) {
    return expected.stream().filter(value -> !received.contains(value)).count();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  private static <T> java.util.stream.Collector<T, ?, Set<T>> toSet() {
    return Collectors.toCollection(java.util.HashSet::new);
  }
}
