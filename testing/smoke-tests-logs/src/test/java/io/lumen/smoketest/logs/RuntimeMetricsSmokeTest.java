package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.apps.JvmWorkloadApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.Jdks;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedMetric.Type;
import io.lumen.testing.receiver.Signal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The JVM runtime metrics an application gets from the agent: the stable JMX-based ones by
 * default, and with {@code otel.instrumentation.runtime-telemetry.jfr.enabled} also those only JDK
 * Flight Recorder can measure, on JDK 17 and later.
 */
class RuntimeMetricsSmokeTest {

  private static final String JFR_OPT_IN = "otel.instrumentation.runtime-telemetry.jfr.enabled";

  /** The JFR-only metrics the workload application gives something to measure on any JDK 17+. */
  private static final List<String> JFR_METRICS =
      List.of(
          "jvm.cpu.context_switch",
          "jvm.cpu.longlock",
          "jvm.memory.allocation",
          "jvm.network.io",
          "jvm.network.time");

  /** Metric exports awaited, once the application is at work, before absent means never sent. */
  private static final int EXPORTS_BEFORE_ABSENCE_COUNTS = 6;

  @Test
  void stableJvmMetricsAndBufferPoolsArriveWithTheirUnitsAndAttributes() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app = app(JvmWorkloadApp.class).exportTo(receiver).start()) {
      app.waitForOutput("ROUND 1", TIMEOUT);

      assertMetric(receiver, "jvm.memory.used", "By", Type.SUM, "jvm.memory.type", "jvm.memory.pool.name");
      assertMetric(receiver, "jvm.memory.committed", "By", Type.SUM, "jvm.memory.type", "jvm.memory.pool.name");
      assertMetric(receiver, "jvm.memory.limit", "By", Type.SUM, "jvm.memory.type", "jvm.memory.pool.name");
      assertMetric(
          receiver, "jvm.memory.used_after_last_gc", "By", Type.SUM, "jvm.memory.type", "jvm.memory.pool.name");
      ReceivedMetric gc =
          assertMetric(receiver, "jvm.gc.duration", "s", Type.HISTOGRAM, "jvm.gc.name", "jvm.gc.action");
      assertThat(gc.points().stream().mapToLong(p -> p.count()).sum()).isPositive();
      assertMetric(receiver, "jvm.thread.count", "{thread}", Type.SUM, "jvm.thread.daemon", "jvm.thread.state");
      assertThat(assertMetric(receiver, "jvm.class.loaded", "{class}", Type.SUM).monotonic()).isTrue();
      assertMetric(receiver, "jvm.class.unloaded", "{class}", Type.SUM);
      assertMetric(receiver, "jvm.class.count", "{class}", Type.SUM);
      assertThat(assertMetric(receiver, "jvm.cpu.time", "s", Type.SUM).monotonic()).isTrue();
      ReceivedMetric cpus = assertMetric(receiver, "jvm.cpu.count", "{cpu}", Type.SUM);
      assertThat(cpus.points().get(0).longValue()).isPositive();
      assertMetric(receiver, "jvm.cpu.recent_utilization", "1", Type.GAUGE);
      assertMetric(receiver, "jvm.buffer.memory.used", "By", Type.SUM, "jvm.buffer.pool.name");
      assertMetric(receiver, "jvm.buffer.memory.limit", "By", Type.SUM, "jvm.buffer.pool.name");
      assertMetric(receiver, "jvm.buffer.count", "{buffer}", Type.SUM, "jvm.buffer.pool.name");

      // JFR is opt-in: while the application keeps allocating, waiting and using sockets, export
      // after export goes by without a JFR-only metric.
      awaitMoreExports(receiver, EXPORTS_BEFORE_ABSENCE_COUNTS);
      assertThat(receiver.metrics().stream().map(ReceivedMetric::name).distinct())
          .doesNotContainAnyElementsOf(JFR_METRICS);
      assertThat(app.stderr()).doesNotContain("runtime-telemetry");
    }
  }

  @Test
  void jfrMetricsArriveWhenOptedIn() {
    jfrMetricsArrive(app(JvmWorkloadApp.class));
  }

  @Test
  void jfrMetricsArriveWhenOptedInOnJdk25() {
    Optional<Path> java25 = Jdks.java25();
    Assumptions.assumeTrue(java25.isPresent(), Jdks.notFoundMessage(25));
    jfrMetricsArrive(app(JvmWorkloadApp.class).javaExecutable(java25.get()));
  }

  private static void jfrMetricsArrive(ForkedJvmBuilder builder) {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app = builder.systemProperty(JFR_OPT_IN, "true").exportTo(receiver).start()) {
      app.waitForOutput("ROUND 1", TIMEOUT);

      ReceivedMetric contextSwitches = assertMetric(receiver, "jvm.cpu.context_switch", "Hz", Type.SUM);
      assertThat(contextSwitches.monotonic()).as("a rate: an up-down counter").isFalse();
      awaitHistogram(receiver, "jvm.cpu.longlock", "s", m -> m.points().stream().anyMatch(p -> p.count() > 0));
      // Small arrays in thread-local allocation buffers, 8 MiB arrays outside them.
      awaitHistogram(
          receiver,
          "jvm.memory.allocation",
          "By",
          m -> hasPoint(m, "arena", "TLAB", 1) && hasPoint(m, "arena", "Main", 8 * 1024 * 1024));
      // The application's socket round trips of 4096 bytes each way.
      awaitHistogram(
          receiver,
          "jvm.network.io",
          "By",
          m -> hasPoint(m, "mode", "read", 4096) && hasPoint(m, "mode", "write", 4096));
      awaitHistogram(
          receiver,
          "jvm.network.time",
          "s",
          m -> hasPoint(m, "mode", "read", 0) && hasPoint(m, "mode", "write", 0));
      // The JMX metrics run as before, next to them.
      assertMetric(receiver, "jvm.memory.used", "By", Type.SUM, "jvm.memory.type", "jvm.memory.pool.name");

      assertThat(app.stderr().lines())
          .as("no warning, error or stack trace on stderr")
          .noneMatch(line -> line.contains("WARN") || line.contains("ERROR"))
          .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
    }
  }

  /** Histogram {@code name} from the first export that {@code complete} accepts. */
  private static ReceivedMetric awaitHistogram(
      OtlpReceiver receiver, String name, String unit, Predicate<ReceivedMetric> complete) {
    ReceivedMetric metric =
        receiver.awaitMetric(m -> m.name().equals(name) && complete.test(m), TIMEOUT);
    assertShape(metric, unit, Type.HISTOGRAM);
    return metric;
  }

  /** Whether {@code metric} has a counted point with {@code key=value} summing to {@code minimum}. */
  private static boolean hasPoint(ReceivedMetric metric, String key, String value, double minimum) {
    return metric
        .pointWithAttribute(key, value)
        .filter(p -> p.count() > 0 && p.sum() != null && p.sum() >= minimum)
        .isPresent();
  }

  private static ReceivedMetric assertMetric(
      OtlpReceiver receiver, String name, String unit, Type type, String... attributeKeys) {
    ReceivedMetric metric = receiver.awaitMetric(name, TIMEOUT);
    assertShape(metric, unit, type);
    Set<String> keys =
        metric.points().stream()
            .flatMap(p -> p.attributes().keySet().stream())
            .collect(Collectors.toSet());
    assertThat(keys).as(name + " attributes").contains(attributeKeys);
    return metric;
  }

  private static void assertShape(ReceivedMetric metric, String unit, Type type) {
    assertThat(metric.unit()).as(metric.name() + " unit").isEqualTo(unit);
    assertThat(metric.type()).as(metric.name() + " type").isEqualTo(type);
    assertThat(metric.scopeName()).isEqualTo("io.opentelemetry.runtime-telemetry");
  }

  /** Waits until {@code exports} more metric exports than so far have arrived. */
  private static void awaitMoreExports(OtlpReceiver receiver, int exports) {
    int target = receiver.requestCount(Signal.METRICS) + exports;
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (receiver.requestCount(Signal.METRICS) < target) {
      assertThat(Instant.now()).as("%d metric exports in time", target).isBefore(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
