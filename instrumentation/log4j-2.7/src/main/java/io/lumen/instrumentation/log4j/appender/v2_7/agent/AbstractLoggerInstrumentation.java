package io.lumen.instrumentation.log4j.appender.v2_7.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every Log4j API logger ({@code AbstractLogger} subclasses: log4j-core's, log4j-to-slf4j's, the
 * simple logger), at the two methods a logging call ends in once it passed the level check: {@code
 * logMessage(fqcn, level, marker, message, throwable)} (all 2.x releases) and {@code log(level,
 * marker, fqcn, location, message, throwable)} (2.13 and later, which log4j-core 2.17+ overrides).
 * One calling the other is exported once.
 *
 * <p>Log4j's own {@code StatusLogger} is left alone: it reports Log4j's internal problems to the
 * console, not the application's events.
 */
public final class AbstractLoggerInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.log4j.appender.v2_7.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperClass(named("org.apache.logging.log4j.spi.AbstractLogger"))
        .and(not(named("org.apache.logging.log4j.status.StatusLogger")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(not(isAbstract()))
            .and(named("logMessage"))
            .and(takesArguments(5))
            .and(takesArgument(0, String.class))
            .and(takesArgument(1, named("org.apache.logging.log4j.Level")))
            .and(takesArgument(3, named("org.apache.logging.log4j.message.Message")))
            .and(takesArgument(4, Throwable.class)),
        PACKAGE + "LogMessageAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(not(isAbstract()))
            .and(named("log"))
            .and(takesArguments(6))
            .and(takesArgument(0, named("org.apache.logging.log4j.Level")))
            .and(takesArgument(2, String.class))
            .and(takesArgument(3, StackTraceElement.class))
            .and(takesArgument(4, named("org.apache.logging.log4j.message.Message")))
            .and(takesArgument(5, Throwable.class)),
        PACKAGE + "LocationAwareLogAdvice");
  }
}
