package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code KafkaMessageListenerContainer.ListenerConsumer}, the loop every Spring Kafka container
 * (the concurrent one included) runs on its consumer thread. Its private methods are the same from
 * 2.7 to 3.3 ({@code javap}-checked in 2.7.0 and 3.3.16):
 *
 * <ul>
 *   <li>{@code run()}: the thread's whole loop, marked as a listener container's;
 *   <li>{@code doInvokeRecordListener(ConsumerRecord, Iterator)}: one record to a record listener,
 *       the error handler included; {@code invokeOnMessage(ConsumerRecord)} inside it throws what
 *       the listener threw;
 *   <li>{@code doInvokeBatchListener(ConsumerRecords, List)}: one batch to a batch listener;
 *       {@code invokeBatchOnMessage(ConsumerRecords, List)} throws what the listener threw.
 * </ul>
 *
 * Methods are matched by name and first parameter only, and the advice reads only that parameter:
 * a version that changes them is left untraced rather than broken.
 */
final class ListenerConsumerInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.spring.kafka.v2_7.agent.";
  private static final String CONSUMER_RECORD = "org.apache.kafka.clients.consumer.ConsumerRecord";
  private static final String CONSUMER_RECORDS =
      "org.apache.kafka.clients.consumer.ConsumerRecords";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(
        "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod().and(named("run")).and(takesArguments(0)), PACKAGE + "ListenerConsumerRunAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("doInvokeRecordListener"))
            .and(takesArgument(0, named(CONSUMER_RECORD))),
        PACKAGE + "RecordListenerAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("doInvokeBatchListener"))
            .and(takesArgument(0, named(CONSUMER_RECORDS))),
        PACKAGE + "BatchListenerAdvice");
    transformer.applyAdviceToMethod(
        isMethod().and(named("invokeOnMessage")).and(takesArgument(0, named(CONSUMER_RECORD))),
        PACKAGE + "ListenerFailureAdvice");
    transformer.applyAdviceToMethod(
        isMethod()
            .and(named("invokeBatchOnMessage"))
            .and(takesArgument(0, named(CONSUMER_RECORDS))),
        PACKAGE + "ListenerFailureAdvice");
  }
}
