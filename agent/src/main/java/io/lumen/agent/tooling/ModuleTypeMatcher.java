package io.lumen.agent.tooling;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.bootstrap.AgentLog;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Decides whether one type instrumentation of one module applies to a class, cheapest test first:
 * the module's and the type instrumentation's class-loader tests, the type matcher, and last the
 * module's library references (cached per class loader). A matcher that throws means no match.
 */
final class ModuleTypeMatcher implements AgentBuilder.RawMatcher {

  private final InstalledModule module;
  private final TypeInstrumentation typeInstrumentation;

  ModuleTypeMatcher(InstalledModule module, TypeInstrumentation typeInstrumentation) {
    this.module = module;
    this.typeInstrumentation = typeInstrumentation;
  }

  @Override
  public boolean matches(
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule javaModule,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    try {
      return module.module().classLoaderMatcher().matches(classLoader)
          && typeInstrumentation.classLoaderOptimization().matches(classLoader)
          && typeInstrumentation.typeMatcher().matches(typeDescription)
          && module.references().matches(classLoader);
    } catch (Throwable t) {
      AgentLog.debug(
          "instrumentation " + module.name() + " failed matching " + typeDescription.getName(), t);
      return false;
    }
  }

  @Override
  public String toString() {
    return module.name() + ":" + typeInstrumentation.getClass().getSimpleName();
  }
}
