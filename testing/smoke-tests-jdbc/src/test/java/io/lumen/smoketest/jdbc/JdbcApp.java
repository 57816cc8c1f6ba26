package io.lumen.smoketest.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An application talking to one database through its official driver, and optionally through
 * HikariCP: each interaction inside a {@code request} span whose {@code scenario} attribute names
 * it. Arguments: the JDBC URL, user, password, the table to use, the tricky queries' file (one per
 * line, {@code name<TAB>sql<TAB>sanitized}, {@code {table}} standing for the table), and {@code
 * hikari} to repeat the pooled scenarios.
 */
public final class JdbcApp {

  private final String url;
  private final String user;
  private final String password;
  private final String table;

  private JdbcApp(String url, String user, String password, String table) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.table = table;
  }

  public static void main(String[] args) throws Exception {
    JdbcApp app = new JdbcApp(args[0], args[1], args[2], args[3]);
    List<String> tricky = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[4]));
    boolean hikari = args.length > 5 && args[5].equals("hikari");
    try (Connection connection = DriverManager.getConnection(app.url, app.user, app.password)) {
      app.run(connection, tricky);
    }
    if (hikari) {
      app.pooled();
    }
    try (Connection connection = DriverManager.getConnection(app.url, app.user, app.password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + app.table);
    }
    System.out.println("DONE");
  }

  @WithSpan("request")
  void request(@SpanAttribute("scenario") String scenario, Body body) throws Exception {
    body.run();
  }

  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  private void run(Connection connection, List<String> tricky) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + table);
    }
    request(
        "create",
        () -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100), note VARCHAR(200))");
          }
        });
    request(
        "insert-prepared",
        () -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO " + table + " (id, name, note) VALUES (?, ?, ?)")) {
            statement.setInt(1, 1);
            statement.setString(2, "O'Brien");
            statement.setString(3, "first");
            statement.executeUpdate();
          }
        });
    request(
        "select-statement",
        () -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT name FROM " + table + " WHERE id = 1 AND name = 'O''Brien'")) {
            while (rows.next()) {
              rows.getString(1);
            }
          }
        });
    request(
        "batch-prepared",
        () -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO " + table + " (id, name, note) VALUES (?, ?, 'batched')")) {
            for (int id = 10; id < 13; id++) {
              statement.setInt(1, id);
              statement.setString(2, "user" + id);
              statement.addBatch();
            }
            statement.executeBatch();
          }
        });
    request(
        "batch-statement",
        () -> {
          try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO " + table + " (id, name) VALUES (20, 'secret')");
            statement.addBatch("UPDATE " + table + " SET note = 'updated' WHERE id = 20");
            statement.executeBatch();
          }
        });
    request(
        "error",
        () -> {
          try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT * FROM lumen_missing_table WHERE id = 7");
          } catch (SQLException expected) {
            System.out.println("failed as expected: " + expected);
          }
        });
    if (url.startsWith("jdbc:mariadb")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP PROCEDURE IF EXISTS " + table + "_touch");
        statement.execute("CREATE PROCEDURE " + table + "_touch(IN x INT) SELECT x");
      }
    }
    request(
        "callable",
        () -> {
          try (CallableStatement statement = connection.prepareCall(callable())) {
            statement.setInt(1, -5);
            statement.execute();
          }
        });
    if (url.startsWith("jdbc:mariadb")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP PROCEDURE IF EXISTS " + table + "_touch");
      }
    }
    for (String line : tricky) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t");
      String sql = parts[1].replace("\\n", "\n").replace("{table}", table);
      request(
          "tricky-" + parts[0],
          () -> {
            try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
              while (rows.next()) {
                rows.getObject(1);
              }
            }
          });
    }
  }

  private String callable() {
    if (url.startsWith("jdbc:postgresql")) {
      return "{call abs(?)}";
    }
    if (url.startsWith("jdbc:mariadb")) {
      return "{call " + table + "_touch(?)}";
    }
    return "CALL ABS(?)";
  }

  /** The same kind of work through a HikariCP pool, which proxies every JDBC object. */
  private void pooled() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(3);
    config.setPoolName("lumen-pool");
    // Left open: the pool's metrics are exported one last time when the application exits.
    HikariDataSource dataSource = new HikariDataSource(config);
    {
      request(
          "hikari-select",
          () -> {
            try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                    connection.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
              statement.setInt(1, 1);
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  rows.getString(1);
                }
              }
            }
          });
      request(
          "hikari-batch",
          () -> {
            try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                    connection.prepareStatement(
                        "UPDATE " + table + " SET note = ? WHERE id = ?")) {
              for (int id = 10; id < 12; id++) {
                statement.setString(1, "pooled");
                statement.setInt(2, id);
                statement.addBatch();
              }
              statement.executeBatch();
            }
          });
      request(
          "hikari-statement",
          () -> {
            try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
              statement.executeUpdate("DELETE FROM " + table + " WHERE id = 20");
            }
          });
    }
  }
}
