package io.lumen.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.concurrent.Callable;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ScheduledThreadPoolExecutor.schedule}, where its {@code execute} and {@code submit} end
 * up too. Periodic tasks ({@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}) are left
 * alone: they run for as long as the executor lives, and would otherwise report every run, for
 * ever, in the trace of the request that happened to schedule them.
 */
final class ScheduledThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ScheduledThreadPoolExecutor");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("schedule").and(takesArgument(0, Runnable.class)), PACKAGE + "SubmitRunnableAdvice");
    transformer.applyAdviceToMethod(
        named("schedule").and(takesArgument(0, Callable.class)), PACKAGE + "SubmitCallableAdvice");
  }
}
