package io.lumen.instrumentation.rabbitmq.v5_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ChannelN}, the client's one channel implementation ({@code AutorecoveringChannel} delegates
 * to it): the {@code basicPublish} and {@code basicConsume} overloads every shorter one ends in, and
 * {@code basicGet}. Consumers given as {@code DeliverCallback}s are turned into a {@code Consumer}
 * before that {@code basicConsume}, so they are traced too.
 */
final class ChannelInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.rabbitmq.v5_0.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.rabbitmq.client.impl.ChannelN");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("basicPublish"))
            .and(takesArguments(6))
            .and(takesArgument(4, named("com.rabbitmq.client.AMQP$BasicProperties")))
            .and(takesArgument(5, byte[].class)),
        PACKAGE + "BasicPublishAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("basicConsume"))
            .and(takesArguments(7))
            .and(takesArgument(6, named("com.rabbitmq.client.Consumer"))),
        PACKAGE + "BasicConsumeAdvice");
    transformer.applyAdviceToMethod(
        isPublic().and(named("basicGet")).and(takesArguments(2)), PACKAGE + "BasicGetAdvice");
  }
}
