package io.lumen.instrumentation.jms.v1_1.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
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
 * Listener classes' {@code onMessage}, for listeners that a framework calls itself rather than
 * registering them with {@code setMessageListener} (Spring's listener containers, for one). A
 * listener reached through the agent's own stand-in is already in a process span, and the nested
 * one is suppressed. Lambdas cannot be instrumented; {@code setMessageListener} covers them.
 */
final class MessageListenerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("javax.jms.MessageListener");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named("javax.jms.MessageListener"))
        .and(not(isInterface()))
        .and(not(nameStartsWith("io.lumen.")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("onMessage"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("javax.jms.Message"))),
        "io.lumen.instrumentation.jms.v1_1.agent.OnMessageAdvice");
  }
}
