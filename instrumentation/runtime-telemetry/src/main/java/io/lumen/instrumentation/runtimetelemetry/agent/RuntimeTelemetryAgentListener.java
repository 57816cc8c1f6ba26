package io.lumen.instrumentation.runtimetelemetry.agent;

import io.lumen.agent.extension.AgentListener;
import io.lumen.instrumentation.runtimetelemetry.JvmRuntimeMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.logging.Level;
import java.util.logging.Logger;

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

  /** A class only the JDK 17 part of the runtime-telemetry jar has. */
  private static final String JFR_SUPPORT =
      "io.opentelemetry.instrumentation.runtimetelemetry.internal.HandlerRegistry";

  @Override
  public String name() {
    return "runtime-telemetry";
  }

  @Override
  public void afterAgent(OpenTelemetry openTelemetry, ConfigProperties config) {
    boolean jfr = config.getBoolean("otel.instrumentation.runtime-telemetry.jfr.enabled", false);
    if (jfr && !isJfrSupported()) {
      logger.warning(
          "otel.instrumentation.runtime-telemetry.jfr.enabled: JFR metrics need JDK 17 or later"
              + " and the runtime-telemetry library's JDK 17 classes, which this agent build lacks;"
              + " only the JMX metrics run");
      jfr = false;
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

  private static boolean isJfrSupported() {
    ClassLoader loader = RuntimeTelemetryAgentListener.class.getClassLoader();
    return loader != null && loader.getResource(JFR_SUPPORT.replace('.', '/') + ".class") != null;
  }
}
