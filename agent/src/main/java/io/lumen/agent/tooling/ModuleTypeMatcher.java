package io.lumen.agent.tooling;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.bootstrap.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One type instrumentation of one module, with its matchers built once and its advice ready to
 * apply: whether it applies to a class loader (the module's and the type instrumentation's
 * class-loader tests) and to a type (the type matcher, then the module's library references,
 * cached per class loader). A matcher that throws means no match.
 */
final class ModuleTypeMatcher {

  private final InstalledModule module;
  private final TypeInstrumentation typeInstrumentation;
  // Built once: modules create matchers in these methods, and a hasClassesNamed matcher created
  // anew for every class would never hit its per-loader cache (a resource look-up per class).
  private final ElementMatcher<ClassLoader> moduleLoaderMatcher;
  private final ElementMatcher<ClassLoader> loaderOptimization;
  private final ElementMatcher<TypeDescription> typeMatcher;
  private final AgentBuilder.Transformer advice;

  ModuleTypeMatcher(
      InstalledModule module,
      TypeInstrumentation typeInstrumentation,
      AgentBuilder.Transformer advice) {
    this.module = module;
    this.typeInstrumentation = typeInstrumentation;
    this.moduleLoaderMatcher = module.module().classLoaderMatcher();
    this.loaderOptimization = typeInstrumentation.classLoaderOptimization();
    this.typeMatcher = typeInstrumentation.typeMatcher();
    this.advice = advice;
  }

  boolean appliesTo(ClassLoader classLoader) {
    try {
      return moduleLoaderMatcher.matches(classLoader) && loaderOptimization.matches(classLoader);
    } catch (Throwable t) {
      AgentLog.debug("instrumentation " + module.name() + " failed matching " + classLoader, t);
      return false;
    }
  }

  /** Whether the type matches, once {@link #appliesTo} said yes for its class loader. */
  boolean matches(TypeDescription typeDescription, ClassLoader classLoader) {
    try {
      return typeMatcher.matches(typeDescription) && module.references().matches(classLoader);
    } catch (Throwable t) {
      AgentLog.debug(
          "instrumentation " + module.name() + " failed matching " + typeDescription.getName(), t);
      return false;
    }
  }

  AgentBuilder.Transformer advice() {
    return advice;
  }

  @Override
  public String toString() {
    return module.name() + ":" + typeInstrumentation.getClass().getSimpleName();
  }
}
