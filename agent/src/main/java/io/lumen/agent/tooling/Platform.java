package io.lumen.agent.tooling;

import java.lang.reflect.Method;

/** What differs between Java 8 and later runtimes, resolved once. */
final class Platform {

  private static final ClassLoader PLATFORM_LOADER = findPlatformLoader();

  private Platform() {}

  /**
   * The loader of JDK classes outside the bootstrap loader (the platform loader on 9+, the
   * extension loader on 8); it delegates to the bootstrap loader.
   */
  static ClassLoader platformLoader() {
    return PLATFORM_LOADER;
  }

  private static ClassLoader findPlatformLoader() {
    try {
      Method method = ClassLoader.class.getMethod("getPlatformClassLoader");
      return (ClassLoader) method.invoke(null);
    } catch (Exception java8) {
      ClassLoader system = ClassLoader.getSystemClassLoader();
      return system == null ? null : system.getParent();
    }
  }
}
