package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.agent;

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
 * JBoss LogManager's logger: {@code logRaw(ExtLogRecord)}, where all its logging methods (and
 * {@code java.util.logging} and JBoss Logging calls on it) end once the level check has passed,
 * on the thread that logs, before any handler sees the record.
 */
public final class JbossLoggerInstrumentation implements TypeInstrumentation {

  private static final String ADVICE =
      "io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.agent.LogRawAdvice";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.jboss.logmanager.Logger");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod()
            .and(isPublic())
            .and(named("logRaw"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("org.jboss.logmanager.ExtLogRecord"))),
        ADVICE);
  }
}
