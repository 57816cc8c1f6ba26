package io.lumen.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Locale;
import java.util.jar.JarFile;

/**
 * Entry point of {@code -javaagent:lumen-javaagent.jar} and of {@code java -jar
 * lumen-javaagent.jar}.
 *
 * <p>Loaded by the system class loader, so it stays tiny and references nothing else directly: it
 * puts the jar's top level (the bootstrap classes and the relocated OpenTelemetry API) on the
 * bootstrap class path and hands over to {@code io.lumen.bootstrap.AgentInitializer} there. Any
 * failure is reported on standard error and the application starts without the agent.
 */
public final class LumenAgent {

  private LumenAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    start(instrumentation);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    start(instrumentation);
  }

  /** {@code java -jar lumen-javaagent.jar}: prints versions and instrumentation modules. */
  public static void main(String[] args) throws Exception {
    File agentJar = agentJar();
    // Not appended to the bootstrap path here: the agent class loader falls back to the jar's top
    // level for the bootstrap classes.
    ClassLoader agentLoader =
        (ClassLoader)
            Class.forName("io.lumen.bootstrap.AgentClassLoader")
                .getConstructor(File.class)
                .newInstance(agentJar);
    Class<?> info = agentLoader.loadClass("io.lumen.agent.tooling.AgentInfo");
    Method print = info.getMethod("print", java.io.PrintStream.class);
    print.invoke(null, System.out);
  }

  private static synchronized void start(Instrumentation instrumentation) {
    if (!isEnabled()) {
      System.err.println("[lumen] agent disabled by otel.javaagent.enabled=false");
      return;
    }
    if (System.getProperty("io.lumen.agent.started") != null) {
      System.err.println("[lumen] agent already started; ignoring the second -javaagent");
      return;
    }
    System.setProperty("io.lumen.agent.started", "true");
    try {
      File agentJar = agentJar();
      if (LumenAgent.class.getClassLoader() != null) {
        // The manifest's Boot-Class-Path did not apply (the jar was renamed): append now. The JVM
        // then warns that class data sharing is limited to boot classes; under its own name the
        // jar is on the bootstrap path from the start, with no warning and CDS intact.
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar, false));
      }
      Class<?> initializer = Class.forName("io.lumen.bootstrap.AgentInitializer", true, null);
      initializer
          .getMethod("initialize", Instrumentation.class, File.class)
          .invoke(null, instrumentation, agentJar);
    } catch (Throwable t) {
      Throwable cause =
          t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
              ? t.getCause()
              : t;
      System.err.println("[lumen] ERROR agent failed to start; the application runs without it: " + cause);
      if (isDebug()) {
        cause.printStackTrace();
      }
    }
  }

  private static File agentJar() throws URISyntaxException {
    CodeSource codeSource = LumenAgent.class.getProtectionDomain().getCodeSource();
    URL location = codeSource == null ? null : codeSource.getLocation();
    if (location != null) {
      return new File(location.toURI());
    }
    // Loaded by the bootstrap loader through Boot-Class-Path: classes there have no code source.
    URL self = LumenAgent.class.getResource("LumenAgent.class");
    String url = self == null ? null : self.toExternalForm();
    if (url == null || !url.startsWith("jar:") || url.indexOf("!/") < 0) {
      throw new IllegalStateException("cannot locate the agent jar from " + url);
    }
    return new File(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
  }

  private static boolean isEnabled() {
    String value = setting("otel.javaagent.enabled");
    return value == null || !"false".equals(value.trim().toLowerCase(Locale.ROOT));
  }

  private static boolean isDebug() {
    String value = setting("otel.javaagent.debug");
    return value != null && "true".equals(value.trim().toLowerCase(Locale.ROOT));
  }

  private static String setting(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value;
  }
}
