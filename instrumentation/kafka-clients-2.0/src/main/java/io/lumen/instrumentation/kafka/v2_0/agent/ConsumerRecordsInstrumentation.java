package io.lumen.instrumentation.kafka.v2_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The ways an application walks the records a poll returned: {@code iterator()} (and so {@code
 * for} loops and {@code forEach}), {@code records(TopicPartition)} and {@code records(String)}.
 * Each hands out the records wrapped so that every record taken opens a process span.
 */
final class ConsumerRecordsInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.kafka.v2_0.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(named("iterator")).and(takesArguments(0)),
        PACKAGE + "RecordsIteratorAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("records"))
            .and(takesArgument(0, named("org.apache.kafka.common.TopicPartition")))
            .and(returns(named("java.util.List"))),
        PACKAGE + "PartitionRecordsAdvice");
    transformer.applyAdviceToMethod(
        isPublic()
            .and(named("records"))
            .and(takesArgument(0, String.class))
            .and(returns(named("java.lang.Iterable"))),
        PACKAGE + "TopicRecordsAdvice");
  }
}
