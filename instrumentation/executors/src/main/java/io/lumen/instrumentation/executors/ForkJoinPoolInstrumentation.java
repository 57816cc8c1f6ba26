package io.lumen.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ForkJoinPool}, the common pool included: every public way in ({@code execute}, {@code
 * submit}, {@code invoke}, {@code invokeAll}, {@code invokeAny}, and {@code schedule} on JDK 25).
 * Tasks forked inside the pool are covered by {@link ForkJoinTaskInstrumentation}.
 */
final class ForkJoinPoolInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ForkJoinPool");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(takesArguments(Runnable.class)), PACKAGE + "ExecuteAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("execute", "submit", "invoke").and(takesArgument(0, ForkJoinTask.class)),
        PACKAGE + "ForkJoinTaskSubmitAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("submit", "schedule").and(takesArgument(0, Runnable.class)),
        PACKAGE + "SubmitRunnableAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("submit", "schedule").and(takesArgument(0, Callable.class)),
        PACKAGE + "SubmitCallableAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("invokeAll", "invokeAny").and(takesArgument(0, Collection.class)),
        PACKAGE + "TaskCollectionAdvice");
  }
}
