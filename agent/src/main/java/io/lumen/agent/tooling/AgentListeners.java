package io.lumen.agent.tooling;

import io.lumen.agent.extension.AgentListener;
import io.lumen.bootstrap.AgentLog;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Runs every enabled {@link AgentListener} once the agent has started. */
final class AgentListeners {

  private AgentListeners() {}

  static void notifyStarted(ClassLoader loader, ConfigProperties config) {
    for (AgentListener listener : discover(loader)) {
      if (!isEnabled(listener, config)) {
        AgentLog.debug(listener.name() + " disabled by configuration");
        continue;
      }
      try {
        listener.afterAgent(GlobalOpenTelemetry.get(), config);
      } catch (Throwable t) {
        AgentLog.warn(listener.name() + " failed to start; skipped", t);
      }
    }
  }

  /** Every listener that can be loaded; one that cannot is reported and left out. */
  static java.util.List<AgentListener> discover(ClassLoader loader) {
    java.util.List<AgentListener> result = new java.util.ArrayList<>();
    Iterator<AgentListener> listeners = ServiceLoader.load(AgentListener.class, loader).iterator();
    while (true) {
      try {
        if (!listeners.hasNext()) {
          return result;
        }
        result.add(listeners.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        AgentLog.warn("an agent listener could not be loaded and is skipped", e);
      }
    }
  }

  static boolean isEnabled(AgentListener listener, ConfigProperties config) {
    Boolean explicit =
        InstrumentationModules.explicitlyEnabled(
            java.util.Collections.singletonList(listener.name()), config);
    return explicit != null ? explicit : listener.defaultEnabled(config);
  }
}
