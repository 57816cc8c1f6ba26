package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Trace correlation in the application's own JBoss LogManager output: while a span is current, each
 * record's MDC holds {@code trace_id}, {@code span_id} and {@code trace_flags} (names from {@code
 * otel.instrumentation.common.logging.*}). Enabled by {@code
 * otel.instrumentation.jboss-logmanager-mdc.enabled} (or {@code jboss-logmanager}); independent of
 * log export.
 */
public final class JbossLogManagerMdcInstrumentationModule extends InstrumentationModule {

  public JbossLogManagerMdcInstrumentationModule() {
    super("jboss-logmanager-mdc", "jboss-logmanager");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.jboss.logmanager.ExtLogRecord");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new JbossLoggerInstrumentation());
  }
}
