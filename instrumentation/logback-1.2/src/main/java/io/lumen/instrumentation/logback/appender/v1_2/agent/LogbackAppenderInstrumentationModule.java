package io.lumen.instrumentation.logback.appender.v1_2.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.instrumentation.logs.AgentLogBridges;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Exports every logback event (1.2 to 1.5) as an OTLP log record, whatever appenders the
 * application configured. Enabled by {@code otel.instrumentation.logback-appender.enabled} (or
 * {@code logback}); off when {@code otel.logs.exporter=none}.
 */
public final class LogbackAppenderInstrumentationModule extends InstrumentationModule {

  public LogbackAppenderInstrumentationModule() {
    super("logback-appender", "logback");
  }

  @Override
  public boolean defaultEnabled(ConfigProperties config) {
    return super.defaultEnabled(config) && AgentLogBridges.isExportEnabled(config);
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("ch.qos.logback.classic.Logger");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new LoggerInstrumentation());
  }
}
