package io.lumen.instrumentation.kafka.v2_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces the Kafka client, 2.0 and later: sends, polls, and the processing of each polled record.
 * Enabled by {@code otel.instrumentation.kafka-clients.enabled} (or {@code kafka}).
 */
public final class KafkaClientsInstrumentationModule extends InstrumentationModule {

  public KafkaClientsInstrumentationModule() {
    super("kafka-clients", "kafka");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new KafkaProducerInstrumentation(),
        new KafkaConsumerInstrumentation(),
        new ConsumerRecordsInstrumentation());
  }

  /** Record headers came with 0.11; {@code poll(Duration)}, the oldest tested API, with 2.0. */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(
        "org.apache.kafka.clients.consumer.ConsumerRecords",
        "org.apache.kafka.common.header.Headers");
  }
}
