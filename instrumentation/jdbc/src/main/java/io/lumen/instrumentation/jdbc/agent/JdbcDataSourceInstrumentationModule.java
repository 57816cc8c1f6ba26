package io.lumen.instrumentation.jdbc.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;
import java.util.List;

/**
 * An INTERNAL span per {@code DataSource.getConnection} inside a trace (the outermost one, when a
 * pool's data source calls a driver's), so that the time spent waiting for a pooled connection, or
 * opening one, shows in the trace. Off unless {@code otel.instrumentation.jdbc-datasource.enabled}
 * is true: it adds a span to every request that queries a pool, which most traces do not need
 * (the official agent ships its equivalent off too).
 */
public final class JdbcDataSourceInstrumentationModule extends InstrumentationModule {

  public JdbcDataSourceInstrumentationModule() {
    super("jdbc-datasource");
  }

  @Override
  public boolean defaultEnabled(ConfigProperties config) {
    return false;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new DataSourceInstrumentation());
  }

  /** The same classes as the jdbc module: the instrumenters live next to each other. */
  @Override
  public List<String> modulePackages() {
    return JdbcInstrumentationModule.PACKAGES;
  }
}
