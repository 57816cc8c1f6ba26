package io.lumen.instrumentation.jdbc.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Library mode: a connection, and the statements it creates, as dynamic proxies that trace each
 * execution and pass every other call straight to the driver's objects. Proxies, rather than
 * hand-written wrappers, implement exactly the JDBC version of the running JDK, and {@code unwrap}
 * still reaches the driver's classes. This class is internal and is not for public use.
 */
public final class TracingJdbcProxies {

  private TracingJdbcProxies() {}

  public static Connection connection(
      Connection connection, Instrumenter<DbRequest, Void> instrumenter) {
    ConnectionHandler handler =
        new ConnectionHandler(connection, ConnectionInfo.read(connection), instrumenter);
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                TracingJdbcProxies.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    handler.proxy = proxy;
    return proxy;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** {@code unwrap}/{@code isWrapperFor} answer for the proxy first, then for the driver. */
  private static Object unwrapOrInvoke(
      Object proxy, Object target, Method method, Object[] args) throws Throwable {
    if (args != null && args.length == 1 && args[0] instanceof Class) {
      Class<?> type = (Class<?>) args[0];
      if (method.getName().equals("unwrap") && type.isInstance(proxy) && !type.isInstance(target)) {
        return proxy;
      }
      if (method.getName().equals("isWrapperFor") && type.isInstance(proxy)) {
        return true;
      }
    }
    return invoke(target, method, args);
  }

  private static final class ConnectionHandler implements InvocationHandler {
    private final Connection connection;
    private final DbInfo dbInfo;
    private final Instrumenter<DbRequest, Void> instrumenter;
    Connection proxy;

    ConnectionHandler(
        Connection connection, DbInfo dbInfo, Instrumenter<DbRequest, Void> instrumenter) {
      this.connection = connection;
      this.dbInfo = dbInfo;
      this.instrumenter = instrumenter;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("unwrap") || name.equals("isWrapperFor")) {
        return unwrapOrInvoke(self, connection, method, args);
      }
      Object result = TracingJdbcProxies.invoke(connection, method, args);
      if (!(result instanceof Statement)) {
        return result;
      }
      String preparedQueryText =
          (name.equals("prepareStatement") || name.equals("prepareCall"))
                  && args != null
                  && args.length > 0
                  && args[0] instanceof String
              ? (String) args[0]
              : null;
      Class<?> type =
          result instanceof CallableStatement && method.getReturnType() == CallableStatement.class
              ? CallableStatement.class
              : result instanceof PreparedStatement
                      && method.getReturnType() != Statement.class
                  ? PreparedStatement.class
                  : Statement.class;
      StatementHandler handler =
          new StatementHandler((Statement) result, proxy, dbInfo, preparedQueryText, instrumenter);
      return Proxy.newProxyInstance(
          TracingJdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
  }

  private static final class StatementHandler implements InvocationHandler {
    private final Statement statement;
    private final Connection connectionProxy;
    private final DbInfo dbInfo;
    private final String preparedQueryText;
    private final Instrumenter<DbRequest, Void> instrumenter;
    private final BatchState batch = new BatchState();

    StatementHandler(
        Statement statement,
        Connection connectionProxy,
        DbInfo dbInfo,
        String preparedQueryText,
        Instrumenter<DbRequest, Void> instrumenter) {
      this.statement = statement;
      this.connectionProxy = connectionProxy;
      this.dbInfo = dbInfo;
      this.preparedQueryText = preparedQueryText;
      this.instrumenter = instrumenter;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      int arguments = args == null ? 0 : args.length;
      switch (name) {
        case "getConnection":
          return connectionProxy;
        case "unwrap":
        case "isWrapperFor":
          return unwrapOrInvoke(self, statement, method, args);
        case "addBatch":
          if (arguments == 1 && args[0] instanceof String) {
            batch.add((String) args[0]);
          } else if (arguments == 0) {
            batch.addExecution();
          }
          return TracingJdbcProxies.invoke(statement, method, args);
        case "clearBatch":
          batch.clear();
          return TracingJdbcProxies.invoke(statement, method, args);
        case "executeBatch":
        case "executeLargeBatch":
          try {
            return traced(batch.toRequest(dbInfo, preparedQueryText), method, args);
          } finally {
            batch.clear();
          }
        case "execute":
        case "executeQuery":
        case "executeUpdate":
        case "executeLargeUpdate":
          String queryText =
              arguments > 0 && args[0] instanceof String ? (String) args[0] : preparedQueryText;
          return traced(DbRequest.statement(dbInfo, queryText), method, args);
        default:
          return TracingJdbcProxies.invoke(statement, method, args);
      }
    }

    private Object traced(DbRequest request, Method method, Object[] args) throws Throwable {
      Context parent = Context.current();
      if (!instrumenter.shouldStart(parent, request)) {
        return TracingJdbcProxies.invoke(statement, method, args);
      }
      Context context = instrumenter.start(parent, request);
      Object result;
      try (Scope ignored = context.makeCurrent()) {
        result = TracingJdbcProxies.invoke(statement, method, args);
      } catch (Throwable t) {
        instrumenter.end(context, request, null, t);
        throw t;
      }
      instrumenter.end(context, request, null, null);
      return result;
    }
  }
}
