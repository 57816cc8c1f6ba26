package io.lumen.agent.tooling;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Classes the agent never transforms, rejected by name and loader before any matcher runs: the
 * agent's own classes, generated classes that are never worth instrumenting, and the JDK's
 * reflection and method-handle plumbing, where instrumentation could recurse into itself.
 */
final class IgnoredTypes implements AgentBuilder.RawMatcher {

  private static final String[] IGNORED_PREFIXES = {
    "io.lumen.bootstrap.",
    "io.lumen.agent.",
    "io.lumen.shaded.",
    "io.lumen.sdk.",
    "net.bytebuddy.",
    "sun.reflect.",
    "jdk.internal.reflect.",
    "jdk.internal.misc.",
    "jdk.internal.loader.",
    "java.lang.invoke.",
    "jdk.internal.vm.",
    "sun.invoke.",
    "com.sun.proxy.",
    "jdk.proxy",
    "org.gradle.",
    "com.intellij.rt.",
  };

  @Override
  public boolean matches(
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule module,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    if (classLoader instanceof ModuleClassLoader
        || classLoader instanceof ExtensionClassLoader
        || classLoader instanceof io.lumen.bootstrap.AgentClassLoader) {
      return true;
    }
    String name = typeDescription.getName();
    for (String prefix : IGNORED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return name.contains("$$Lambda") || name.contains("$ByteBuddy$");
  }
}
