package io.lumen.agent.tooling;

import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Every type instrumentation of every enabled module as one matcher and one transformer, so that a
 * loaded class is tested once against the instrumentations that apply to its class loader, instead
 * of Byte Buddy asking each of a hundred matchers (and each its class-loader tests) in turn.
 *
 * <p>Which instrumentations apply to a class loader is worked out on the first class it loads and
 * kept, weakly, for the loader's life; a class that matches none of them costs the type matchers
 * of those few instrumentations, mostly answered from its class file header.
 */
final class MatchingInstrumentations implements AgentBuilder.RawMatcher, AgentBuilder.Transformer {

  private final ModuleTypeMatcher[] all;
  private final Map<ClassLoader, ModuleTypeMatcher[]> byLoader =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, ModuleTypeMatcher[]>());
  private volatile ModuleTypeMatcher[] forBootLoader;

  MatchingInstrumentations(List<ModuleTypeMatcher> instrumentations) {
    this.all = instrumentations.toArray(new ModuleTypeMatcher[0]);
  }

  @Override
  public boolean matches(
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule module,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    for (ModuleTypeMatcher instrumentation : applicableTo(classLoader)) {
      if (instrumentation.matches(typeDescription, classLoader)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    // Only for classes that matched: asking the matchers again is cheaper than remembering.
    for (ModuleTypeMatcher instrumentation : applicableTo(classLoader)) {
      if (instrumentation.matches(typeDescription, classLoader)) {
        builder =
            instrumentation
                .advice()
                .transform(builder, typeDescription, classLoader, module, protectionDomain);
      }
    }
    return builder;
  }

  private ModuleTypeMatcher[] applicableTo(ClassLoader classLoader) {
    if (classLoader == null) {
      ModuleTypeMatcher[] applicable = forBootLoader;
      if (applicable == null) {
        applicable = select(null);
        forBootLoader = applicable;
      }
      return applicable;
    }
    ModuleTypeMatcher[] applicable = byLoader.get(classLoader);
    if (applicable == null) {
      // Selecting may look up resources through the loader: outside the lock. Two threads may
      // both select; they agree.
      applicable = select(classLoader);
      byLoader.put(classLoader, applicable);
    }
    return applicable;
  }

  private ModuleTypeMatcher[] select(ClassLoader classLoader) {
    int count = 0;
    ModuleTypeMatcher[] selected = new ModuleTypeMatcher[all.length];
    for (ModuleTypeMatcher instrumentation : all) {
      if (instrumentation.appliesTo(classLoader)) {
        selected[count++] = instrumentation;
      }
    }
    ModuleTypeMatcher[] applicable = new ModuleTypeMatcher[count];
    System.arraycopy(selected, 0, applicable, 0, count);
    return applicable;
  }
}
