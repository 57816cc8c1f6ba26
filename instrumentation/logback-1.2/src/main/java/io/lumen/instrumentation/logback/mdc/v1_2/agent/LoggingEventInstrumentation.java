package io.lumen.instrumentation.logback.mdc.v1_2.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The constructor logback's loggers create every event with, on the thread that logs (plain and
 * fluent SLF4J API alike), once the level check has passed.
 */
public final class LoggingEventInstrumentation implements TypeInstrumentation {

  private static final String ADVICE =
      "io.lumen.instrumentation.logback.mdc.v1_2.agent.LoggingEventConstructorAdvice";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("ch.qos.logback.classic.spi.LoggingEvent");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isConstructor()
            .and(takesArguments(6))
            .and(takesArgument(0, String.class))
            .and(takesArgument(1, named("ch.qos.logback.classic.Logger"))),
        ADVICE);
  }
}
