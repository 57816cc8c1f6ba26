package io.lumen.instrumentation.spring.kafka.v2_7.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces Spring Kafka's listener containers, 2.7 to 3.3: a process span per record a record
 * listener gets and per batch a batch listener gets. Enabled by {@code
 * otel.instrumentation.spring-kafka.enabled} (or {@code spring-kafka-2.7}).
 */
public final class SpringKafkaInstrumentationModule extends InstrumentationModule {

  public SpringKafkaInstrumentationModule() {
    super("spring-kafka-2.7", "spring-kafka");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ListenerConsumerInstrumentation());
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(
        "org.springframework.kafka.listener.KafkaMessageListenerContainer",
        "org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  /**
   * The Kafka client instrumentation's library part too: its process instrumenters and getters
   * reference the client's classes, so they must be linked against the application's client.
   */
  @Override
  public List<String> modulePackages() {
    return Arrays.asList(
        "io.lumen.instrumentation.spring.kafka.v2_7", "io.lumen.instrumentation.kafka.v2_0");
  }
}
