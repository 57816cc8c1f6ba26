package io.lumen.agent.tooling;

import io.lumen.bootstrap.AdviceBootstrap;
import io.lumen.bootstrap.AdviceErrors;
import io.lumen.bootstrap.AgentLog;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SwitchPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links an advice call site of an instrumented class to the advice method, defined in the module
 * class loader that belongs to the instrumented class's loader.
 *
 * <p>Every call site of a module is guarded by the module's {@link SwitchPoint}. When the module's
 * advice keeps failing, invalidating it turns all of the module's call sites into no-ops at once;
 * until then the guard costs nothing once the JIT has compiled the site.
 */
final class AdviceLinker implements AdviceBootstrap.Linker, AdviceErrors.FailureListener {

  private final Map<String, InstalledModule> modulesByName;
  private final Map<String, SwitchPoint> switchPoints;
  private final ModuleClassLoaders moduleClassLoaders = new ModuleClassLoaders();

  AdviceLinker(Map<String, InstalledModule> modulesByName) {
    this.modulesByName = modulesByName;
    Map<String, SwitchPoint> points = new LinkedHashMap<>();
    for (String name : modulesByName.keySet()) {
      points.put(name, new SwitchPoint());
    }
    this.switchPoints = points;
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
    MethodHandle advice = MethodHandles.publicLookup().findStatic(adviceClass, adviceMethodName, type);
    return switchPoints.get(moduleName).guardWithTest(advice, AdviceBootstrap.noOp(type));
  }

  @Override
  public void onRepeatedFailures(String moduleName, int failures, Throwable lastFailure) {
    SwitchPoint switchPoint = switchPoints.get(moduleName);
    if (switchPoint == null || switchPoint.hasBeenInvalidated()) {
      return;
    }
    SwitchPoint.invalidateAll(new SwitchPoint[] {switchPoint});
    AgentLog.warn(
        "instrumentation "
            + moduleName
            + " failed "
            + failures
            + " times and is now switched off; the application is unaffected. Last failure",
        lastFailure);
  }
}
