package io.lumen.instrumentation.jdbc.agent;

import io.lumen.agent.extension.AgentConfig;
import io.lumen.instrumentation.jdbc.internal.BatchState;
import io.lumen.instrumentation.jdbc.internal.ConnectionInfo;
import io.lumen.instrumentation.jdbc.internal.DbInfo;
import io.lumen.instrumentation.jdbc.internal.DbRequest;
import io.lumen.instrumentation.jdbc.internal.JdbcInstrumenters;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.incubator.semconv.util.ClassAndMethod;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The agent's JDBC instrumenters, and what it remembers about the application's JDBC objects
 * (weakly, keyed by the objects): the query text of each prepared statement, the batch of each
 * statement, the database of each physical connection.
 */
public final class JdbcSingletons {

  private static final Instrumenter<DbRequest, Void> STATEMENTS;
  private static final Instrumenter<ClassAndMethod, Void> DATA_SOURCES;

  private static final VirtualField<Statement, String> QUERY_TEXTS =
      VirtualField.find(Statement.class, String.class);
  private static final VirtualField<Statement, BatchState> BATCHES =
      VirtualField.find(Statement.class, BatchState.class);
  private static final VirtualField<Connection, DbInfo> DATABASES =
      VirtualField.find(Connection.class, DbInfo.class);

  static {
    ConfigProperties config = AgentConfig.get();
    boolean sanitize =
        config.getBoolean(
            "otel.instrumentation.jdbc.statement-sanitizer.enabled",
            config.getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true));
    STATEMENTS = JdbcInstrumenters.statements(GlobalOpenTelemetry.get(), sanitize);
    DATA_SOURCES = JdbcInstrumenters.dataSources(GlobalOpenTelemetry.get());
  }

  private JdbcSingletons() {}

  public static Instrumenter<ClassAndMethod, Void> dataSources() {
    return DATA_SOURCES;
  }

  static void rememberQueryText(Statement statement, String queryText) {
    if (statement != null && queryText != null) {
      QUERY_TEXTS.set(statement, queryText);
    }
  }

  static BatchState batch(Statement statement) {
    BatchState batch = BATCHES.get(statement);
    if (batch == null) {
      batch = new BatchState();
      BATCHES.set(statement, batch);
    }
    return batch;
  }

  static void clearBatch(Statement statement) {
    BatchState batch = BATCHES.get(statement);
    if (batch != null) {
      batch.clear();
    }
  }

  /** An execution of {@code queryText}, or of the statement's prepared text if it is null. */
  static Object[] startStatement(Statement statement, String queryText) {
    String text = queryText != null ? queryText : QUERY_TEXTS.get(statement);
    return start(statement, DbRequest.statement(database(statement), text));
  }

  static Object[] startBatch(Statement statement) {
    BatchState batch = BATCHES.get(statement);
    if (batch == null) {
      batch = new BatchState();
    }
    return start(statement, batch.toRequest(database(statement), QUERY_TEXTS.get(statement)));
  }

  private static Object[] start(Statement statement, DbRequest request) {
    Context parent = Context.current();
    if (!STATEMENTS.shouldStart(parent, request)) {
      return null;
    }
    Context context = STATEMENTS.start(parent, request);
    return new Object[] {request, context, context.makeCurrent()};
  }

  static void end(Object[] call, Throwable error) {
    if (call == null) {
      return;
    }
    ((Scope) call[2]).close();
    STATEMENTS.end((Context) call[1], (DbRequest) call[0], null, error);
  }

  private static DbInfo database(Statement statement) {
    Connection connection;
    try {
      connection = statement.getConnection();
    } catch (SQLException | RuntimeException closed) {
      return DbInfo.UNKNOWN;
    }
    if (connection == null) {
      return DbInfo.UNKNOWN;
    }
    Connection physical = ConnectionInfo.unwrap(connection);
    DbInfo info = DATABASES.get(physical);
    if (info == null) {
      info = ConnectionInfo.read(physical);
      DATABASES.set(physical, info);
    }
    return info;
  }
}
