package io.lumen.agent.extension;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * Told once the agent has started, for telemetry that needs no bytecode rewriting: JVM runtime
 * metrics, say. Discovered with {@link java.util.ServiceLoader} like instrumentation modules, in the
 * agent jar and in extension jars.
 *
 * <p>Runs on the thread that started the agent, before the application's {@code main}: keep it
 * short, and start anything slow on a daemon thread of its own. Whatever it throws is reported and
 * ignored.
 */
public interface AgentListener {

  /** A name for log lines and for {@code otel.instrumentation.<name>.enabled}. */
  String name();

  /** Whether the listener runs when no {@code otel.instrumentation.<name>.enabled} key names it. */
  default boolean defaultEnabled(ConfigProperties config) {
    return config.getBoolean("otel.instrumentation.common.default-enabled", true);
  }

  void afterAgent(OpenTelemetry openTelemetry, ConfigProperties config);
}
