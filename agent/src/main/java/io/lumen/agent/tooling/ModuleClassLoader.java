package io.lumen.agent.tooling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Defines one instrumentation module's classes next to one application class loader.
 *
 * <p>Advice, getters and singletons of a module reference library types. Defining them here, rather
 * than in the shared agent class loader, links those references to the application's own copy of
 * the library, while {@code io.lumen.*} names (the agent's shared code and the relocated
 * OpenTelemetry API and SDK) still resolve to the one agent-wide copy. Nothing is ever injected into
 * the application's class loader.
 */
final class ModuleClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String AGENT_PREFIX = "io.lumen.";

  private final ClassLoader libraryLoader;
  private final ClassLoader moduleSource;
  private final String[] modulePackagePrefixes;
  private final String moduleName;

  /**
   * @param libraryLoader the instrumented class's loader; {@code null} for the bootstrap loader
   * @param moduleSource the loader that holds the module's class files (agent or extension loader)
   */
  ModuleClassLoader(
      ClassLoader libraryLoader,
      ClassLoader moduleSource,
      List<String> modulePackages,
      String moduleName) {
    super(null);
    this.libraryLoader = libraryLoader == null ? Platform.platformLoader() : libraryLoader;
    this.moduleSource = moduleSource;
    this.modulePackagePrefixes = new String[modulePackages.size()];
    for (int i = 0; i < modulePackagePrefixes.length; i++) {
      modulePackagePrefixes[i] = modulePackages.get(i) + ".";
    }
    this.moduleName = moduleName;
  }

  boolean isModuleClass(String className) {
    for (String prefix : modulePackagePrefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        if (isModuleClass(name)) {
          loaded = defineModuleClass(name);
        } else if (name.startsWith(AGENT_PREFIX)) {
          loaded = moduleSource.loadClass(name);
        } else if (name.startsWith("java.")) {
          // The platform loader, not the bootstrap loader: java.sql, java.net.http and other JDK
          // modules are defined there (it delegates java.base to the bootstrap loader).
          loaded = Class.forName(name, false, Platform.platformLoader());
        } else {
          loaded = loadFromLibraryOrModuleSource(name);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> loadFromLibraryOrModuleSource(String name) throws ClassNotFoundException {
    try {
      return libraryLoader == null
          ? Class.forName(name, false, null)
          : Class.forName(name, false, libraryLoader);
    } catch (ClassNotFoundException notInLibrary) {
      // Extension modules may keep helper classes outside their module packages.
      return moduleSource.loadClass(name);
    }
  }

  private Class<?> defineModuleClass(String name) throws ClassNotFoundException {
    byte[] bytes;
    try (InputStream in = moduleSource.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name + " (module " + moduleName + ")");
      }
      bytes = readAll(in);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  public java.net.URL getResource(String name) {
    java.net.URL url = moduleSource.getResource(name);
    if (url == null && libraryLoader != null) {
      url = libraryLoader.getResource(name);
    }
    return url;
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "ModuleClassLoader[" + moduleName + " for " + libraryLoader + "]";
  }
}
