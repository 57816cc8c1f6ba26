package io.lumen.instrumentation.kafka.v2_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code KafkaConsumer}: the constructor every public one delegates to, which has the parsed
 * configuration (group and client id), or where there is none (2.7) the {@code Map} one they
 * delegate to instead, and the public {@code poll} methods ({@code poll(long)} until 4.0, {@code
 * poll(Duration)} since 2.0). From 3.7 the consumer delegates to an internal
 * implementation; only the public class is advised, so each poll is recorded once.
 */
final class KafkaConsumerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.KafkaConsumer");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isConstructor()
            .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerConfig"))),
        "io.lumen.instrumentation.kafka.v2_0.agent.ConsumerConstructorAdvice");
    transformer.applyAdviceToMethod(
        isConstructor()
            .and(takesArguments(3))
            .and(takesArgument(0, Map.class))
            .and(takesArgument(1, named("org.apache.kafka.common.serialization.Deserializer"))),
        "io.lumen.instrumentation.kafka.v2_0.agent.ConsumerMapConstructorAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(isPublic())
            .and(named("poll"))
            .and(returns(named("org.apache.kafka.clients.consumer.ConsumerRecords"))),
        "io.lumen.instrumentation.kafka.v2_0.agent.ConsumerPollAdvice");
  }
}
