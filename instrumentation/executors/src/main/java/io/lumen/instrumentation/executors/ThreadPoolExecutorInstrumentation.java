package io.lumen.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ThreadPoolExecutor}: {@code execute} (through which {@code submit}, {@code invokeAll} and
 * {@code invokeAny} come too), and {@code remove}/{@code shutdownNow}, which must see the
 * application's tasks, not the wrappers of lambdas.
 */
final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ThreadPoolExecutor");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(takesArguments(Runnable.class)),
        PACKAGE + "ThreadPoolExecuteAdvice");
    transformer.applyAdviceToMethod(
        named("remove").and(takesArguments(Runnable.class)).and(returns(boolean.class)),
        PACKAGE + "QueueRemovalAdvice");
    transformer.applyAdviceToMethod(
        named("shutdownNow").and(takesArguments(0)), PACKAGE + "ShutdownNowAdvice");
  }
}
