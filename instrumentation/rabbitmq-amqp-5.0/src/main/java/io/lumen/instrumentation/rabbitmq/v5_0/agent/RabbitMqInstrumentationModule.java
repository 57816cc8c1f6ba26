package io.lumen.instrumentation.rabbitmq.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces the RabbitMQ Java client 5.x: publishing, deliveries to consumers and {@code basicGet}.
 * Enabled by {@code otel.instrumentation.rabbitmq.enabled}.
 */
public final class RabbitMqInstrumentationModule extends InstrumentationModule {

  public RabbitMqInstrumentationModule() {
    super("rabbitmq", "rabbitmq-amqp");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ChannelInstrumentation());
  }

  /** {@code DeliverCallback} came with 5.0. */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(
        "com.rabbitmq.client.impl.ChannelN", "com.rabbitmq.client.DeliverCallback");
  }
}
