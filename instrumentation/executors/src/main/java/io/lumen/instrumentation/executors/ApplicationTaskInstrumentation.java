package io.lumen.instrumentation.executors;

import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's (and its libraries') {@code Runnable}s or {@code Callable}s: the task method
 * runs in the context the object was submitted in, if it was. Attaching the context to the task
 * object, rather than wrapping it, leaves executors, queues and {@code beforeExecute} hooks
 * seeing the application's own objects. Classes of the bootstrap and platform loaders are left
 * out: the JDK's task classes are {@link JdkTaskInstrumentation}'s.
 */
final class ApplicationTaskInstrumentation implements TypeInstrumentation {

  private static final String ADVICE = "io.lumen.instrumentation.executors.TaskRunAdvice";
  private static final ClassLoader PLATFORM_LOADER = ClassLoader.getSystemClassLoader().getParent();

  private final String interfaceName;
  private final String methodName;

  ApplicationTaskInstrumentation(String interfaceName, String methodName) {
    this.interfaceName = interfaceName;
    this.methodName = methodName;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return loader -> loader != null && loader != PLATFORM_LOADER;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named(interfaceName)));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named(methodName).and(takesArguments(0)).and(not(isAbstract())), ADVICE);
  }
}
