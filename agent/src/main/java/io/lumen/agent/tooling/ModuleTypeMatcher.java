package io.lumen.agent.tooling;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.bootstrap.AgentLog;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Decides whether one type instrumentation of one module applies to a class, cheapest test first:
 * the module's and the type instrumentation's class-loader tests, the type matcher, and last the
 * module's library references (cached per class loader). A matcher that throws means no match.
 */
final class ModuleTypeMatcher implements AgentBuilder.RawMatcher {

  private final InstalledModule module;
  private final TypeInstrumentation typeInstrumentation;
  // Built once: modules create matchers in these methods, and a hasClassesNamed matcher created
  // anew for every class would never hit its per-loader cache (a resource look-up per class).
  private final ElementMatcher<ClassLoader> moduleLoaderMatcher;
  private final ElementMatcher<ClassLoader> loaderOptimization;
  private final ElementMatcher<TypeDescription> typeMatcher;

  ModuleTypeMatcher(InstalledModule module, TypeInstrumentation typeInstrumentation) {
    this.module = module;
    this.typeInstrumentation = typeInstrumentation;
    this.moduleLoaderMatcher = module.module().classLoaderMatcher();
    this.loaderOptimization = typeInstrumentation.classLoaderOptimization();
    this.typeMatcher = typeInstrumentation.typeMatcher();
  }

  @Override
  public boolean matches(
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule javaModule,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    try {
      return moduleLoaderMatcher.matches(classLoader)
          && loaderOptimization.matches(classLoader)
          && typeMatcher.matches(typeDescription)
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
