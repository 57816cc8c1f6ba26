package io.lumen.instrumentation.logback.mdc.v1_2.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Trace correlation in the application's own logback output: while a span is current, each event's
 * MDC holds {@code trace_id}, {@code span_id} and {@code trace_flags} (names from {@code
 * otel.instrumentation.common.logging.*}). Enabled by {@code
 * otel.instrumentation.logback-mdc.enabled} (or {@code logback}); independent of log export.
 */
public final class LogbackMdcInstrumentationModule extends InstrumentationModule {

  public LogbackMdcInstrumentationModule() {
    super("logback-mdc", "logback");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("ch.qos.logback.classic.spi.LoggingEvent", "org.slf4j.MDC");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new LoggingEventInstrumentation());
  }
}
