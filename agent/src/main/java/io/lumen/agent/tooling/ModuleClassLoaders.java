package io.lumen.agent.tooling;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds or creates the {@link ModuleClassLoader} of a module for an application class loader.
 *
 * <p>A module class loader strongly references the application loader (as its library loader, and
 * through every library class it links). To never pin an undeployed web application, nothing
 * global references module class loaders strongly: they hang off an instrumented class of the
 * application loader itself (through a {@link ClassValue}), so they live exactly as long as that
 * loader. The global map holds both the loader and that class weakly.
 */
final class ModuleClassLoaders {

  private final ClassValue<ConcurrentMap<String, ModuleClassLoader>> byAnchorClass =
      new ClassValue<ConcurrentMap<String, ModuleClassLoader>>() {
        @Override
        protected ConcurrentMap<String, ModuleClassLoader> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private final Map<ClassLoader, WeakReference<Class<?>>> anchorClasses = new WeakHashMap<>();

  private final ConcurrentMap<String, ModuleClassLoader> forBootstrapClasses =
      new ConcurrentHashMap<>();

  ModuleClassLoader get(Class<?> instrumentedClass, InstalledModule module) {
    ClassLoader applicationLoader = instrumentedClass.getClassLoader();
    ConcurrentMap<String, ModuleClassLoader> loaders =
        applicationLoader == null
            ? forBootstrapClasses
            : byAnchorClass.get(anchorClass(applicationLoader, instrumentedClass));
    ModuleClassLoader loader = loaders.get(module.name());
    if (loader == null) {
      ModuleClassLoader created =
          new ModuleClassLoader(
              applicationLoader, module.sourceLoader(), module.packages(), module.name());
      loader = loaders.putIfAbsent(module.name(), created);
      if (loader == null) {
        loader = created;
      }
    }
    return loader;
  }

  private Class<?> anchorClass(ClassLoader applicationLoader, Class<?> candidate) {
    synchronized (anchorClasses) {
      WeakReference<Class<?>> reference = anchorClasses.get(applicationLoader);
      Class<?> anchor = reference == null ? null : reference.get();
      if (anchor == null) {
        anchor = candidate;
        anchorClasses.put(applicationLoader, new WeakReference<Class<?>>(candidate));
      }
      return anchor;
    }
  }
}
