package io.lumen.instrumentation.log4j.contextdata.v2_7.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Trace correlation in the application's own Log4j 2 output (2.7 and later): while a span is
 * current, each event's context data holds {@code trace_id}, {@code span_id} and {@code
 * trace_flags} (names from {@code otel.instrumentation.common.logging.*}). Enabled by {@code
 * otel.instrumentation.log4j-context-data.enabled} (or {@code log4j}); independent of log export.
 */
public final class Log4jContextDataInstrumentationModule extends InstrumentationModule {

  public Log4jContextDataInstrumentationModule() {
    super("log4j-context-data", "log4j");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.apache.logging.log4j.core.impl.ContextDataInjectorFactory");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        new ContextDataInjectorFactoryInstrumentation());
  }
}
