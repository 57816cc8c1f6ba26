package io.lumen.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Executors that start a thread per task ({@code Executors.newVirtualThreadPerTaskExecutor()} and
 * {@code newThreadPerTaskExecutor} on JDK 21+, {@code CompletableFuture}'s default executor where
 * the common pool has a single thread), and the executor classes listed in {@code
 * otel.instrumentation.executors.include}: {@code execute}, {@code submit} and {@code schedule}.
 *
 * <p>Executors are named rather than matched by type: an {@code Executor} that runs tasks in the
 * calling thread, or hands them to another instrumented executor, needs nothing, and one that
 * batches or reorders tasks by their type would break if they were wrapped.
 */
final class OtherExecutorsInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";

  private final List<String> executorClassNames;

  OtherExecutorsInstrumentation(List<String> configuredClassNames) {
    executorClassNames = new ArrayList<>(configuredClassNames);
    executorClassNames.add("java.util.concurrent.ThreadPerTaskExecutor");
    executorClassNames.add("java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(executorClassNames.toArray(new String[0]));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(takesArguments(Runnable.class)).and(not(isAbstract())),
        PACKAGE + "ExecuteAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("submit", "schedule")
            .and(takesArgument(0, Runnable.class))
            .and(not(isAbstract())),
        PACKAGE + "SubmitRunnableAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("submit", "schedule")
            .and(takesArgument(0, Callable.class))
            .and(not(isAbstract())),
        PACKAGE + "SubmitCallableAdvice");
  }
}
