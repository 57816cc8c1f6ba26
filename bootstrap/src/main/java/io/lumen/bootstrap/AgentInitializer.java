package io.lumen.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;

/**
 * Creates the agent class loader and hands over to the installer inside it.
 *
 * <p>Loaded from the bootstrap class path, so that the one agent class loader is reachable from
 * everywhere (the advice linker looks it up from here).
 */
public final class AgentInitializer {

  private static volatile AgentClassLoader agentClassLoader;

  private AgentInitializer() {}

  /** Called once by the premain class, after the agent jar was appended to the bootstrap path. */
  public static void initialize(Instrumentation instrumentation, File agentJar) throws Exception {
    AgentClassLoader loader = new AgentClassLoader(agentJar);
    agentClassLoader = loader;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> installer = loader.loadClass("io.lumen.agent.tooling.AgentInstaller");
      installer
          .getMethod("install", Instrumentation.class, File.class, ClassLoader.class)
          .invoke(null, instrumentation, agentJar, loader);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The agent class loader, or {@code null} before the agent started. */
  public static AgentClassLoader agentClassLoader() {
    return agentClassLoader;
  }
}
