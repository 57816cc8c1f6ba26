package io.lumen.instrumentation.jul.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperClass;
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
 * {@code java.util.logging.Logger} and its subclasses: {@code log(LogRecord)}, where every
 * standard logging method ends, and JBoss LogManager's {@code logRaw(ExtLogRecord)}, where its
 * logger's methods end instead.
 */
public final class LoggerInstrumentation implements TypeInstrumentation {

  /**
   * Built at run time: the agent jar relocates the literal name of this one JDK class (to its own
   * stderr logger), and the matcher must name the real one.
   */
  static final String JUL_LOGGER = String.join(".", "java", "util", "logging", "Logger");

  private static final String ADVICE = "io.lumen.instrumentation.jul.agent.LoggerLogAdvice";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperClass(named(JUL_LOGGER));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(isPublic())
            .and(named("log"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("java.util.logging.LogRecord"))),
        ADVICE);
    transformer.applyAdviceToMethod(
        isMethod()
            .and(isPublic())
            .and(named("logRaw"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("org.jboss.logmanager.ExtLogRecord"))),
        ADVICE);
  }
}
