package io.lumen.instrumentation.runtimetelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import io.opentelemetry.instrumentation.api.internal.EmbeddedInstrumentationProperties;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetryBuilder;
import io.opentelemetry.instrumentation.runtimetelemetry.internal.BufferPools;
import io.opentelemetry.instrumentation.runtimetelemetry.internal.Experimental;
import io.opentelemetry.instrumentation.runtimetelemetry.internal.Internal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Chooses which JVM metrics {@link JvmRuntimeMetrics} records, and starts them. */
public final class JvmRuntimeMetricsBuilder {

  private static final Logger logger = Logger.getLogger(JvmRuntimeMetricsBuilder.class.getName());

  /**
   * The runtime-telemetry library's scope; buffer pools are reported under it too. Built at run
   * time and passed to the library explicitly: the agent jar relocates {@code io.opentelemetry}
   * string constants along with the classes, which would rename the scope.
   */
  static final String INSTRUMENTATION_NAME =
      String.join(".", "io", "opentelemetry", "runtime-telemetry");

  /**
   * The metrics only JFR can measure. The library's other JFR metrics duplicate JMX ones (the
   * buffer pools among them), which run anyway.
   */
  static final List<String> JFR_ONLY_METRICS =
      Collections.unmodifiableList(
          Arrays.asList(
              "jvm.cpu.context_switch",
              "jvm.cpu.longlock",
              "jvm.memory.allocation",
              "jvm.network.io",
              "jvm.network.time",
              "jvm.thread.virtual.pinned",
              "jvm.thread.virtual.submit_failed"));

  private final OpenTelemetry openTelemetry;
  private boolean experimentalMetrics;
  private boolean jfrMetrics;

  JvmRuntimeMetricsBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /**
   * Adds the library's experimental JMX metrics: {@code jvm.memory.init}, {@code
   * jvm.system.cpu.utilization}, {@code jvm.system.cpu.load_1m}, {@code jvm.file_descriptor.count}.
   * Off by default.
   */
  public JvmRuntimeMetricsBuilder setExperimentalMetricsEnabled(boolean experimentalMetrics) {
    this.experimentalMetrics = experimentalMetrics;
    return this;
  }

  /**
   * Adds the metrics measured from JDK Flight Recorder events (context switches, lock waits,
   * allocation, network I/O, virtual-thread pinning), on JDK 17 and later; ignored before. Off by
   * default: a JFR recording stream costs a thread and some CPU.
   */
  public JvmRuntimeMetricsBuilder setJfrMetricsEnabled(boolean jfrMetrics) {
    this.jfrMetrics = jfrMetrics;
    return this;
  }

  /** Registers the metrics' callbacks; they are read whenever the SDK collects metrics. */
  public JvmRuntimeMetrics build() {
    RuntimeTelemetryBuilder builder = RuntimeTelemetry.builder(openTelemetry);
    Internal.setJmxInstrumentationName(builder, INSTRUMENTATION_NAME);
    Internal.setJfrInstrumentationName(builder, INSTRUMENTATION_NAME);
    if (experimentalMetrics) {
      // The library's experimental JMX set includes the buffer pools.
      Experimental.setEmitExperimentalMetrics(builder, true);
    }
    if (jfrMetrics) {
      Experimental.setJfrMetrics(
          builder, IncludeExclude.builder().setIncluded(JFR_ONLY_METRICS).build());
    }
    List<AutoCloseable> observers = new ArrayList<>();
    observers.add(builder.build());
    if (!experimentalMetrics) {
      try {
        observers.addAll(BufferPools.registerObservers(meterBuilder().build()));
      } catch (RuntimeException | LinkageError e) {
        logger.log(Level.WARNING, "Buffer pool metrics are not available", e);
      }
    }
    return new JvmRuntimeMetrics(observers);
  }

  private MeterBuilder meterBuilder() {
    MeterBuilder meterBuilder = openTelemetry.meterBuilder(INSTRUMENTATION_NAME);
    String version = EmbeddedInstrumentationProperties.findVersion(INSTRUMENTATION_NAME);
    if (version != null) {
      meterBuilder.setInstrumentationVersion(version);
    }
    return meterBuilder;
  }
}
