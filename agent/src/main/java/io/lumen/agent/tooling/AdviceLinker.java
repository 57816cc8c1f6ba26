package io.lumen.agent.tooling;

import io.lumen.bootstrap.AdviceBootstrap;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Links an advice call site of an instrumented class to the advice method, defined in the module
 * class loader that belongs to the instrumented class's loader.
 */
final class AdviceLinker implements AdviceBootstrap.Linker {

  private final Map<String, InstalledModule> modulesByName;
  private final ModuleClassLoaders moduleClassLoaders = new ModuleClassLoaders();

  AdviceLinker(Map<String, InstalledModule> modulesByName) {
    this.modulesByName = modulesByName;
  }

  @Override
  public MethodHandle link(
      MethodHandles.Lookup caller,
      String adviceMethodName,
      MethodType type,
      String moduleName,
      String adviceClassName)
      throws Throwable {
    InstalledModule module = modulesByName.get(moduleName);
    if (module == null) {
      throw new IllegalStateException("unknown instrumentation module " + moduleName);
    }
    ModuleClassLoader loader = moduleClassLoaders.get(caller.lookupClass(), module);
    Class<?> adviceClass = Class.forName(adviceClassName, true, loader);
    return MethodHandles.publicLookup().findStatic(adviceClass, adviceMethodName, type);
  }
}
