package io.lumen.instrumentation.lettuce.v5_0.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Lettuce's commands ({@code RedisCommand} implementations): where a dispatched command completes,
 * fails or is cancelled, which ends its span.
 */
final class CommandInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.lettuce.v5_0.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return nameStartsWith("io.lettuce.core.")
        .and(not(isInterface()))
        .and(hasSuperType(named("io.lettuce.core.protocol.RedisCommand")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("complete").and(takesArguments(0)).and(not(isAbstract())),
        PACKAGE + "CompleteAdvice");
    transformer.applyAdviceToMethod(
        named("completeExceptionally")
            .and(takesArguments(1))
            .and(takesArgument(0, Throwable.class))
            .and(not(isAbstract())),
        PACKAGE + "CompleteExceptionallyAdvice");
    transformer.applyAdviceToMethod(
        named("cancel").and(takesArguments(0)).and(not(isAbstract())), PACKAGE + "CancelAdvice");
  }
}
