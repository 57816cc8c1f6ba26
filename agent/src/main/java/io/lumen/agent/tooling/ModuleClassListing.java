package io.lumen.agent.tooling;

import io.lumen.bootstrap.AgentClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the class files of a module's packages in the jar(s) its source loader reads. */
final class ModuleClassListing {

  private ModuleClassListing() {}

  static List<String> classNames(ClassLoader sourceLoader, List<String> packages) {
    List<String> result = new ArrayList<>();
    if (sourceLoader instanceof AgentClassLoader) {
      collect(
          ((AgentClassLoader) sourceLoader).getJarFile(),
          AgentClassLoader.HIDDEN_PREFIX,
          AgentClassLoader.HIDDEN_CLASS_SUFFIX,
          packages,
          result);
    } else if (sourceLoader instanceof ExtensionClassLoader) {
      for (JarFile jar : ((ExtensionClassLoader) sourceLoader).jarFiles()) {
        collect(jar, "", ".class", packages, result);
      }
    }
    return result;
  }

  private static void collect(
      JarFile jar, String prefix, String suffix, List<String> packages, List<String> result) {
    List<String> pathPrefixes = new ArrayList<>(packages.size());
    for (String modulePackage : packages) {
      pathPrefixes.add(prefix + modulePackage.replace('.', '/') + "/");
    }
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (!name.endsWith(suffix)) {
        continue;
      }
      for (String pathPrefix : pathPrefixes) {
        if (name.startsWith(pathPrefix)) {
          result.add(
              name.substring(prefix.length(), name.length() - suffix.length()).replace('/', '.'));
          break;
        }
      }
    }
  }
}
