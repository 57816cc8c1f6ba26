package io.lumen.instrumentation.runtimetelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Library mode: the metrics an application gets from {@link JvmRuntimeMetrics#start}. */
class JvmRuntimeMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
          .build();

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void defaultsAreTheStableJvmMetricsPlusBufferPools() throws InterruptedException {
    try (JvmRuntimeMetrics ignored = JvmRuntimeMetrics.start(sdk)) {
      // jvm.gc.duration has a point once a GC notification arrived, asynchronously.
      Map<String, MetricData> metrics = byName(reader.collectAllMetrics());
      for (int i = 0; i < 100 && !metrics.containsKey("jvm.gc.duration"); i++) {
        System.gc();
        Thread.sleep(100);
        metrics = byName(reader.collectAllMetrics());
      }

      assertMetric(metrics, "jvm.memory.used", "By", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.memory.committed", "By", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.memory.limit", "By", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.memory.used_after_last_gc", "By", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.gc.duration", "s", MetricDataType.HISTOGRAM);
      assertMetric(metrics, "jvm.thread.count", "{thread}", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.class.loaded", "{class}", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.class.unloaded", "{class}", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.class.count", "{class}", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.cpu.time", "s", MetricDataType.DOUBLE_SUM);
      assertMetric(metrics, "jvm.cpu.count", "{cpu}", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.cpu.recent_utilization", "1", MetricDataType.DOUBLE_GAUGE);
      assertMetric(metrics, "jvm.buffer.memory.used", "By", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.buffer.memory.limit", "By", MetricDataType.LONG_SUM);
      assertMetric(metrics, "jvm.buffer.count", "{buffer}", MetricDataType.LONG_SUM);
      assertThat(metrics.keySet()).doesNotContain("jvm.memory.init", "jvm.system.cpu.utilization");

      assertThat(attributeKeys(metrics.get("jvm.memory.used")))
          .contains("jvm.memory.type", "jvm.memory.pool.name");
      assertThat(attributeKeys(metrics.get("jvm.gc.duration")))
          .contains("jvm.gc.name", "jvm.gc.action");
      assertThat(attributeKeys(metrics.get("jvm.thread.count")))
          .contains("jvm.thread.daemon", "jvm.thread.state");
      assertThat(attributeKeys(metrics.get("jvm.buffer.memory.used")))
          .contains("jvm.buffer.pool.name");
      assertThat(metrics.get("jvm.memory.used").getInstrumentationScopeInfo().getName())
          .isEqualTo("io.opentelemetry.runtime-telemetry");
      assertThat(metrics.get("jvm.buffer.count").getInstrumentationScopeInfo())
          .isEqualTo(metrics.get("jvm.memory.used").getInstrumentationScopeInfo());
    }
  }

  @Test
  void experimentalMetricsAreAnOptIn() {
    try (JvmRuntimeMetrics ignored =
        JvmRuntimeMetrics.builder(sdk).setExperimentalMetricsEnabled(true).build()) {
      Map<String, MetricData> metrics = byName(reader.collectAllMetrics());
      assertThat(metrics.keySet()).contains("jvm.memory.init", "jvm.buffer.count", "jvm.memory.used");
    }
  }

  @Test
  void closingStopsTheMetrics() {
    JvmRuntimeMetrics metrics = JvmRuntimeMetrics.start(sdk);
    assertThat(reader.collectAllMetrics()).isNotEmpty();
    metrics.close();
    metrics.close();
    assertThat(byName(reader.collectAllMetrics()).keySet()).doesNotContain("jvm.memory.used");
  }

  @Test
  void jfrMetricsAreAnOptInOnJdk17() throws InterruptedException {
    try (JvmRuntimeMetrics ignored =
        JvmRuntimeMetrics.builder(sdk).setJfrMetricsEnabled(true).build()) {
      // The JFR stream reports context switches once a second, after it has started.
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 300 && !seen.contains("jvm.cpu.context_switch"); i++) {
        Thread.sleep(100);
        seen.addAll(byName(reader.collectAllMetrics()).keySet());
      }
      assertThat(seen).contains("jvm.cpu.context_switch", "jvm.memory.used");
    }
  }

  private static void assertMetric(
      Map<String, MetricData> metrics, String name, String unit, MetricDataType type) {
    assertThat(metrics.keySet()).contains(name);
    MetricData metric = metrics.get(name);
    assertThat(metric.getUnit()).as(name + " unit").isEqualTo(unit);
    assertThat(metric.getType()).as(name + " type").isEqualTo(type);
  }

  private static List<String> attributeKeys(MetricData metric) {
    return metric.getData().getPoints().stream()
        .flatMap(point -> point.getAttributes().asMap().keySet().stream())
        .map(key -> key.getKey())
        .distinct()
        .collect(Collectors.toList());
  }

  private static Map<String, MetricData> byName(Collection<MetricData> metrics) {
    return metrics.stream()
        .collect(Collectors.toMap(MetricData::getName, Function.identity(), (a, b) -> a));
  }
}
