package io.lumen.instrumentation.runtimetelemetry.agent;

import io.lumen.agent.extension.AgentListener;
import io.lumen.instrumentation.runtimetelemetry.JvmRuntimeMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Starts the JVM runtime metrics when the agent starts. Enabled by {@code
 * otel.instrumentation.runtime-telemetry.enabled} (on by default); {@code
 * otel.instrumentation.runtime-telemetry.emit-experimental-telemetry} adds the library's
 * experimental metrics, {@code otel.instrumentation.runtime-telemetry.jfr.enabled} the JFR-based
 * ones (JDK 17+).
 */
public final class RuntimeTelemetryAgentListener implements AgentListener {

  private static final Logger logger =
      Logger.getLogger(RuntimeTelemetryAgentListener.class.getName());

  /**
   * A class only the JDK 17 part of the runtime-telemetry jar has. The agent class loader finds it
   * on JDK 17 and later only, as the JDK's own loader would in the multi-release jar.
   */
  private static final String JFR_SUPPORT =
      "io.opentelemetry.instrumentation.runtimetelemetry.internal.HandlerRegistry";

  @Override
  public String name() {
    return "runtime-telemetry";
  }

  @Override
  public void afterAgent(OpenTelemetry openTelemetry, ConfigProperties config) {
    boolean jfr = config.getBoolean("otel.instrumentation.runtime-telemetry.jfr.enabled", false);
    if (jfr) {
      String unavailable = jfrUnavailableReason();
      if (unavailable != null) {
        logger.warning(
            "otel.instrumentation.runtime-telemetry.jfr.enabled: "
                + unavailable
                + "; only the JMX metrics run");
        jfr = false;
      }
    }
    // Held by the callbacks the SDK's meter provider registered; stops with the SDK.
    JvmRuntimeMetrics.builder(openTelemetry)
        .setExperimentalMetricsEnabled(
            config.getBoolean(
                "otel.instrumentation.runtime-telemetry.emit-experimental-telemetry", false))
        .setJfrMetricsEnabled(jfr)
        .build();
    logger.log(Level.FINE, "JVM runtime metrics started (JFR: {0})", jfr);
  }

  /** Why JFR metrics cannot run in this JVM, or {@code null} if they can. */
  @Nullable
  private static String jfrUnavailableReason() {
    ClassLoader loader = RuntimeTelemetryAgentListener.class.getClassLoader();
    if (loader == null || loader.getResource(JFR_SUPPORT.replace('.', '/') + ".class") == null) {
      return "JFR metrics need JDK 17 or later, this is Java "
          + System.getProperty("java.specification.version");
    }
    if (!isFlightRecorderAvailable()) {
      // A runtime image without the jdk.jfr module, or a JVM that does not support JFR.
      return "JDK Flight Recorder is not available in this JVM";
    }
    return null;
  }

  /** {@code jdk.jfr.FlightRecorder.isAvailable()}, by reflection: this class compiles for Java 8. */
  private static boolean isFlightRecorderAvailable() {
    try {
      return (Boolean)
          Class.forName("jdk.jfr.FlightRecorder").getMethod("isAvailable").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return false;
    }
  }
}
