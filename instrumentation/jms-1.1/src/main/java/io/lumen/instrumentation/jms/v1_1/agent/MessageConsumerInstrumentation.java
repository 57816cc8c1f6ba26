package io.lumen.instrumentation.jms.v1_1.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every provider's {@code MessageConsumer}: {@code receive}, {@code receive(timeout)} and {@code
 * receiveNoWait} get receive spans; {@code setMessageListener} registers a listener that processes
 * each message in a span, and {@code getMessageListener} still returns the application's own.
 */
final class MessageConsumerInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.jms.v1_1.agent.";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("javax.jms.MessageConsumer");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named("javax.jms.MessageConsumer")).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(namedOneOf("receive", "receiveNoWait"))
            .and(returns(named("javax.jms.Message"))),
        PACKAGE + "ReceiveAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("setMessageListener"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("javax.jms.MessageListener"))),
        PACKAGE + "SetMessageListenerAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("getMessageListener"))
            .and(takesArguments(0))
            .and(returns(named("javax.jms.MessageListener"))),
        PACKAGE + "GetMessageListenerAdvice");
  }
}
