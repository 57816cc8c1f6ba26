package io.lumen.agent.tooling;

import io.lumen.agent.extension.AgentListener;
import io.lumen.agent.extension.InstrumentationModule;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.io.PrintStream;
import java.util.Collections;
import java.util.List;

/** What {@code java -jar lumen-javaagent.jar} prints: versions and every module's state. */
public final class AgentInfo {

  private AgentInfo() {}

  public static void print(PrintStream out) {
    ConfigProperties config = DefaultConfigProperties.create(
            Collections.<String, String>emptyMap(),
            io.opentelemetry.common.ComponentLoader.forClassLoader(AgentInfo.class.getClassLoader()));
    ClassLoader loader = AgentInfo.class.getClassLoader();
    ExtensionClassLoader extensions =
        ExtensionClassLoader.create(config.getList("otel.javaagent.extensions"), loader);
    List<InstrumentationModule> modules =
        InstrumentationModules.discover(extensions == null ? loader : extensions);

    out.println("Lumen Java agent " + AgentVersions.AGENT);
    out.println("OpenTelemetry SDK " + AgentVersions.OPENTELEMETRY_SDK);
    out.println("OpenTelemetry instrumentation API " + AgentVersions.INSTRUMENTATION_API);
    out.println();
    out.println("Instrumentation modules (otel.instrumentation.<name>.enabled):");
    int width = 0;
    for (InstrumentationModule module : modules) {
      width = Math.max(width, module.name().length());
    }
    for (InstrumentationModule module : modules) {
      StringBuilder line = new StringBuilder("  ").append(module.name());
      for (int i = module.name().length(); i < width + 2; i++) {
        line.append(' ');
      }
      line.append(InstrumentationModules.isEnabled(module, config) ? "enabled" : "disabled");
      if (module.names().size() > 1) {
        line.append("  (also: ")
            .append(String.join(", ", module.names().subList(1, module.names().size())))
            .append(')');
      }
      out.println(line);
    }
    List<AgentListener> listeners = AgentListeners.discover(extensions == null ? loader : extensions);
    if (!listeners.isEmpty()) {
      out.println();
      out.println("Start-up telemetry (otel.instrumentation.<name>.enabled):");
      for (AgentListener listener : listeners) {
        out.println(
            "  "
                + listener.name()
                + "  "
                + (AgentListeners.isEnabled(listener, config) ? "enabled" : "disabled"));
      }
    }
    out.flush();
  }
}
