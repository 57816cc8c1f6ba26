package io.lumen.instrumentation.executors;

import static io.lumen.agent.extension.TypeMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code ForkJoinTask}, the JDK's (parallel streams, {@code CompletableFuture} stages,
 * adapted runnables) and the application's ({@code RecursiveTask}s): {@code fork} attaches the
 * forking thread's context, {@code exec} runs in it, {@code cancel} forgets it.
 */
final class ForkJoinTaskInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperClass(named("java.util.concurrent.ForkJoinTask"));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("exec").and(takesArguments(0)).and(not(isAbstract())), PACKAGE + "TaskRunAdvice");
    transformer.applyAdviceToMethod(
        named("fork").and(takesArguments(0)), PACKAGE + "ForkAdvice");
    transformer.applyAdviceToMethod(
        named("cancel").and(takesArguments(boolean.class)), PACKAGE + "CancelAdvice");
  }
}
