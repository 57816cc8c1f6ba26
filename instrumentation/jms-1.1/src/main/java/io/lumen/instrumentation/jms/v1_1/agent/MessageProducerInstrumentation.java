package io.lumen.instrumentation.jms.v1_1.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every provider's {@code MessageProducer}: the {@code send} overloads that take the message first
 * (to the producer's destination) and those that take a destination first. JMS 2.0's {@code
 * JMSProducer} sends through a {@code MessageProducer} in the providers we know of.
 */
final class MessageProducerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("javax.jms.MessageProducer");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named("javax.jms.MessageProducer")).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(named("send")).and(takesArgument(0, named("javax.jms.Message"))),
        "io.lumen.instrumentation.jms.v1_1.agent.SendAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("send"))
            .and(takesArgument(0, named("javax.jms.Destination")))
            .and(takesArgument(1, named("javax.jms.Message"))),
        "io.lumen.instrumentation.jms.v1_1.agent.SendToDestinationAdvice");
  }
}
