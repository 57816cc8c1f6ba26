package io.lumen.smoketest.messaging.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the consumers do with a message: store it with JDBC in an in-memory H2 database, the
 * downstream step of the end-to-end traces (the agent's JDBC instrumentation records it).
 */
public final class OrderStore {

  private static final String URL = "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1";

  private OrderStore() {}

  public static void create() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS orders (payload VARCHAR(200))");
    }
  }

  public static void store(String payload) {
    try (Connection connection = DriverManager.getConnection(URL);
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO orders (payload) VALUES (?)")) {
      insert.setString(1, payload);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
