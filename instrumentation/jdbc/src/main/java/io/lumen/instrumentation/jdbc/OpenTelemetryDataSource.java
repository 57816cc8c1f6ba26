package io.lumen.instrumentation.jdbc;

import io.lumen.instrumentation.jdbc.internal.DbRequest;
import io.lumen.instrumentation.jdbc.internal.TracingJdbcProxies;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.incubator.semconv.util.ClassAndMethod;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.annotation.Nullable;
import javax.sql.DataSource;

/** A data source whose connections trace their statements; made by {@link JdbcTelemetry#wrap}. */
final class OpenTelemetryDataSource implements DataSource {

  private final DataSource delegate;
  private final Instrumenter<DbRequest, Void> statementInstrumenter;
  @Nullable private final Instrumenter<ClassAndMethod, Void> dataSourceInstrumenter;

  OpenTelemetryDataSource(
      DataSource delegate,
      Instrumenter<DbRequest, Void> statementInstrumenter,
      @Nullable Instrumenter<ClassAndMethod, Void> dataSourceInstrumenter) {
    this.delegate = delegate;
    this.statementInstrumenter = statementInstrumenter;
    this.dataSourceInstrumenter = dataSourceInstrumenter;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return traced(null, null);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return traced(username, password);
  }

  private Connection traced(@Nullable String username, @Nullable String password)
      throws SQLException {
    Context parent = Context.current();
    ClassAndMethod request = ClassAndMethod.create(delegate.getClass(), "getConnection");
    if (dataSourceInstrumenter == null
        || !Span.fromContext(parent).getSpanContext().isValid()
        || !dataSourceInstrumenter.shouldStart(parent, request)) {
      return TracingJdbcProxies.connection(connect(username, password), statementInstrumenter);
    }
    Context context = dataSourceInstrumenter.start(parent, request);
    Connection connection;
    try (Scope ignored = context.makeCurrent()) {
      connection = connect(username, password);
    } catch (SQLException | RuntimeException | Error e) {
      dataSourceInstrumenter.end(context, request, null, e);
      throw e;
    }
    dataSourceInstrumenter.end(context, request, null, null);
    return TracingJdbcProxies.connection(connection, statementInstrumenter);
  }

  private Connection connect(@Nullable String username, @Nullable String password)
      throws SQLException {
    return username == null && password == null
        ? delegate.getConnection()
        : delegate.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
