package io.lumen.instrumentation.jdbc.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * An INTERNAL span per {@code DataSource.getConnection} inside a trace (the outermost one, when a
 * pool's data source calls a driver's), so that the time spent waiting for a pooled connection, or
 * opening one, shows in the trace. Enabled by {@code otel.instrumentation.jdbc-datasource.enabled}.
 */
public final class JdbcDataSourceInstrumentationModule extends InstrumentationModule {

  public JdbcDataSourceInstrumentationModule() {
    super("jdbc-datasource");
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
