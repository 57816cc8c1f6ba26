package io.lumen.instrumentation.jdbc.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * A CLIENT span per statement execution of any JDBC 4 driver, with the database conventions'
 * attributes and {@code db.client.operation.duration}. Enabled by {@code
 * otel.instrumentation.jdbc.enabled}; {@code otel.instrumentation.jdbc.statement-sanitizer.enabled}
 * (default {@code otel.instrumentation.common.db-statement-sanitizer.enabled}, itself true by
 * default) keeps literals out of {@code db.query.text}.
 */
public final class JdbcInstrumentationModule extends InstrumentationModule {

  public JdbcInstrumentationModule() {
    super("jdbc");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ConnectionInstrumentation(),
        new StatementInstrumentation(),
        new PreparedStatementInstrumentation());
  }

  /**
   * The advice and what library mode shares with it; not the library's public classes, such as
   * its {@code DataSource} wrapper, which the agent never uses (and whose {@code
   * getParentLogger()} the agent's packaging rewrites to its own logger type).
   */
  @Override
  public List<String> modulePackages() {
    return PACKAGES;
  }

  static final List<String> PACKAGES =
      Arrays.asList("io.lumen.instrumentation.jdbc.agent", "io.lumen.instrumentation.jdbc.internal");
}
