package io.lumen.instrumentation.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Reads a connection's {@link DbInfo}. This class is internal and is not for public use. */
public final class ConnectionInfo {

  private ConnectionInfo() {}

  /**
   * From the URL the driver reports for the connection, which, unlike the URL an application or
   * pool was configured with, is there for every way of connecting. Never throws: a connection that
   * cannot tell is {@link DbInfo#UNKNOWN}.
   */
  public static DbInfo read(Connection connection) {
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      return metaData == null ? DbInfo.UNKNOWN : JdbcUrls.parse(metaData.getURL());
    } catch (SQLException | RuntimeException | AbstractMethodError closedOrUnsupported) {
      return DbInfo.UNKNOWN;
    }
  }

  /**
   * The driver's own connection behind a pool's or wrapper's, so that information is read, and
   * cached, once per physical connection rather than once per checkout.
   */
  public static Connection unwrap(Connection connection) {
    try {
      if (connection.isWrapperFor(Connection.class)) {
        Connection unwrapped = connection.unwrap(Connection.class);
        if (unwrapped != null) {
          return unwrapped;
        }
      }
    } catch (SQLException | RuntimeException | AbstractMethodError notAWrapper) {
      // the connection is its own
    }
    return connection;
  }
}
