package io.lumen.instrumentation.logback.appender.v1_2.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ch.qos.logback.classic.Logger#callAppenders}: every event that passed the logger's level
 * and turbo filters goes through it once, on the thread that logged, before any appender (an async
 * one included) sees it.
 */
public final class LoggerInstrumentation implements TypeInstrumentation {

  private static final String ADVICE =
      "io.lumen.instrumentation.logback.appender.v1_2.agent.CallAppendersAdvice";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("ch.qos.logback.classic.Logger");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(isPublic())
            .and(named("callAppenders"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("ch.qos.logback.classic.spi.ILoggingEvent"))),
        ADVICE);
  }
}
