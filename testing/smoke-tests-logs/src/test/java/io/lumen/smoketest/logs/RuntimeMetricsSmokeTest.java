package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.apps.IdleApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedMetric.Type;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JVM runtime metrics an application gets from the agent by default. */
class RuntimeMetricsSmokeTest {

  @Test
  void stableJvmMetricsAndBufferPoolsArriveWithTheirUnitsAndAttributes() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            app(IdleApp.class)
                .systemProperty("otel.instrumentation.runtime-telemetry.jfr.enabled", "true")
                .exportTo(receiver)
                .start()) {
      app.waitForOutput("IDLE", TIMEOUT);

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

      // Asked for JFR metrics, which this agent build cannot provide: said once, JMX ones run.
      assertThat(app.stderr()).contains("JFR metrics need JDK 17 or later");
    }
  }

  private static ReceivedMetric assertMetric(
      OtlpReceiver receiver, String name, String unit, Type type, String... attributeKeys) {
    ReceivedMetric metric = receiver.awaitMetric(name, TIMEOUT);
    assertThat(metric.unit()).as(name + " unit").isEqualTo(unit);
    assertThat(metric.type()).as(name + " type").isEqualTo(type);
    assertThat(metric.scopeName()).isEqualTo("io.opentelemetry.runtime-telemetry");
    Set<String> keys =
        metric.points().stream()
            .flatMap(p -> p.attributes().keySet().stream())
            .collect(Collectors.toSet());
    assertThat(keys).as(name + " attributes").contains(attributeKeys);
    return metric;
  }
}
