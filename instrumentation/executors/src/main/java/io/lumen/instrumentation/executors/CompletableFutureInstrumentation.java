package io.lumen.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.concurrent.Executor;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code CompletableFuture}'s async stages take the context of the call that created them ({@code
 * supplyAsync}, {@code thenApplyAsync}...), see {@link AsyncStageAdvice}.
 */
final class CompletableFutureInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";
  private static final String UNI_COMPLETION =
      "java.util.concurrent.CompletableFuture$UniCompletion";
  private static final String ASYNC_SUPPLY = "java.util.concurrent.CompletableFuture$AsyncSupply";
  private static final String ASYNC_RUN = "java.util.concurrent.CompletableFuture$AsyncRun";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(UNI_COMPLETION, ASYNC_SUPPLY, ASYNC_RUN);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isConstructor().and(isDeclaredBy(named(UNI_COMPLETION))).and(takesArgument(0, Executor.class)),
        PACKAGE + "AsyncStageAdvice");
    transformer.applyAdviceToMethod(
        isConstructor().and(isDeclaredBy(namedOneOf(ASYNC_SUPPLY, ASYNC_RUN))),
        PACKAGE + "AsyncTaskAdvice");
  }
}
