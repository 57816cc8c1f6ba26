package io.lumen.instrumentation.log4j.appender.v2_7.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.instrumentation.logs.AgentLogBridges;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Exports every Log4j 2 (2.7 and later) logging call that passed the logger's level and filters as
 * an OTLP log record, whatever appenders the application configured. Enabled by {@code
 * otel.instrumentation.log4j-appender.enabled} (or {@code log4j}); off when {@code
 * otel.logs.exporter=none}.
 */
public final class Log4jAppenderInstrumentationModule extends InstrumentationModule {

  public Log4jAppenderInstrumentationModule() {
    super("log4j-appender", "log4j");
  }

  @Override
  public boolean defaultEnabled(ConfigProperties config) {
    return super.defaultEnabled(config) && AgentLogBridges.isExportEnabled(config);
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.apache.logging.log4j.spi.AbstractLogger");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new AbstractLoggerInstrumentation());
  }
}
