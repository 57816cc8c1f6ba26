package io.lumen.agent.tooling;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.bootstrap.AgentLog;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Discovers instrumentation modules and decides which are enabled. */
final class InstrumentationModules {

  private InstrumentationModules() {}

  /**
   * Every module registered through {@code META-INF/services} in the agent jar and in extension
   * jars ({@code loader} is the extension loader when there are extensions, which sees both). A
   * module that cannot be loaded is reported and left out.
   */
  static List<InstrumentationModule> discover(ClassLoader loader) {
    List<InstrumentationModule> modules = new ArrayList<>();
    Iterator<InstrumentationModule> iterator =
        ServiceLoader.load(InstrumentationModule.class, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        modules.add(iterator.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        if (isForNewerJdk(e)) {
          // Instrumentation of an API this JDK does not have (java.net.http on Java 8).
          AgentLog.debug("an instrumentation module needs a newer JDK and is skipped", e);
        } else {
          AgentLog.warn("an instrumentation module could not be loaded and is skipped", e);
        }
      }
    }
    modules.sort(
        Comparator.comparingInt(InstrumentationModule::order)
            .thenComparing(InstrumentationModule::name));
    return modules;
  }

  private static boolean isForNewerJdk(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnsupportedClassVersionError) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code otel.instrumentation.<name>.enabled} for the first of the module's names that is set,
   * else the module's default (normally {@code otel.instrumentation.common.default-enabled}).
   */
  static boolean isEnabled(InstrumentationModule module, ConfigProperties config) {
    Boolean explicit = explicitlyEnabled(module.names(), config);
    return explicit != null ? explicit : module.defaultEnabled(config);
  }

  /**
   * {@code otel.instrumentation.<name>.enabled} for the first of {@code names} that is set, or
   * {@code null} when none is: the one rule for modules and start-up listeners alike.
   */
  static Boolean explicitlyEnabled(Iterable<String> names, ConfigProperties config) {
    for (String name : names) {
      String value = config.getString("otel.instrumentation." + name + ".enabled");
      if (value != null && !value.trim().isEmpty()) {
        return Boolean.parseBoolean(value.trim());
      }
    }
    return null;
  }
}
