package io.lumen.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's own task classes that executors run ({@code FutureTask} and its subclasses, {@code
 * CompletableFuture}'s stages, virtual-thread futures): {@code run} in the submitted context, and
 * {@code cancel} forgets it. Other JDK tasks are wrapped on submission instead (see {@link
 * TaskSubmission#INSTRUMENTED_JDK_TASKS}), so that the JDK's many unrelated {@code Runnable}s are
 * not rewritten.
 */
final class JdkTaskInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.executors.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(TaskSubmission.INSTRUMENTED_JDK_TASKS.toArray(new String[0]));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("run").and(takesArguments(0)).and(not(isAbstract())), PACKAGE + "TaskRunAdvice");
    transformer.applyAdviceToMethod(
        named("cancel").and(takesArguments(boolean.class)), PACKAGE + "CancelAdvice");
  }
}
