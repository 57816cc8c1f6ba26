package io.lumen.instrumentation.jms.v1_1.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.instrumentation.jms.v1_1.JmsNamespace;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces JMS providers through the JMS API: sends, listeners and receives. As {@code jms-1.1} it
 * covers {@code javax.jms} 1.1 and 2.0; relocated as {@code jms-3.0}, {@code jakarta.jms} 3.x.
 * Enabled by {@code otel.instrumentation.jms-1.1.enabled} / {@code jms-3.0}, or {@code jms} for
 * both.
 */
public final class JmsInstrumentationModule extends InstrumentationModule {

  public JmsInstrumentationModule() {
    super(JmsNamespace.moduleName(), "jms");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new MessageProducerInstrumentation(),
        new MessageConsumerInstrumentation(),
        new MessageListenerInstrumentation());
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("javax.jms.MessageProducer");
  }
}
