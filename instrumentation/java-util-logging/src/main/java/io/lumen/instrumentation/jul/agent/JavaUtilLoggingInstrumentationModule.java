package io.lumen.instrumentation.jul.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.instrumentation.logs.AgentLogBridges;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.List;

/**
 * Exports every {@code java.util.logging} record that a logger lets through, JBoss LogManager's
 * included, as an OTLP log record. Enabled by {@code
 * otel.instrumentation.java-util-logging.enabled} (or {@code jul}); off when {@code
 * otel.logs.exporter=none}.
 *
 * <p>The agent's own diagnostics never reach {@code java.util.logging}: in the agent jar, {@code
 * java.util.logging.Logger} is relocated to the agent's stderr logger. So exporting cannot log
 * into this instrumentation, and a failing exporter cannot feed itself.
 */
public final class JavaUtilLoggingInstrumentationModule extends InstrumentationModule {

  public JavaUtilLoggingInstrumentationModule() {
    super("java-util-logging", "jul");
  }

  @Override
  public boolean defaultEnabled(ConfigProperties config) {
    return super.defaultEnabled(config) && AgentLogBridges.isExportEnabled(config);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new LoggerInstrumentation());
  }
}
