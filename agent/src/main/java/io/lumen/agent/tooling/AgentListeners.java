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
    Iterator<AgentListener> listeners = ServiceLoader.load(AgentListener.class, loader).iterator();
    while (true) {
      AgentListener listener;
      try {
        if (!listeners.hasNext()) {
          return;
        }
        listener = listeners.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        AgentLog.warn("an agent listener could not be loaded and is skipped", e);
        continue;
      }
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

  /** Every listener that can be loaded, for {@code java -jar} to list. */
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
        AgentLog.debug("an agent listener could not be loaded", e);
      }
    }
  }

  static boolean isEnabled(AgentListener listener, ConfigProperties config) {
    String value = config.getString("otel.instrumentation." + listener.name() + ".enabled");
    if (value != null && !value.trim().isEmpty()) {
      return Boolean.parseBoolean(value.trim());
    }
    return listener.defaultEnabled(config);
  }
}
