package io.lumen.smoketest.reliability.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A service that handles secrets carelessly, as real ones do: {@code /checkout} runs a SQL query
 * with a password literal in it (H2, in memory) and calls {@code /echo} on itself through a URL
 * with credentials and a signature parameter. Whatever the caller sends (query parameters, an
 * {@code Authorization} header, cookies) is its business. Prints {@code READY port=<n>}.
 */
public final class SensitiveDataApp {

  /** Every secret the test plants; none may reach the collector or the logs. */
  public static final String[] SECRETS = {
    "hunter2-SQL-SECRET", "url-pass-SECRET", "SIG-SECRET", "PASS-SECRET", "TOKEN-SECRET",
    "AUTH-SECRET", "COOKIE-SECRET"
  };

  private static int port;

  private SensitiveDataApp() {}

  public static void main(String[] args) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
        Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE users(name VARCHAR(32), password VARCHAR(64))");
      statement.execute("INSERT INTO users VALUES('ada', 'hunter2-SQL-SECRET')");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/checkout", SensitiveDataApp::checkout);
    server.createContext("/echo", exchange -> respond(exchange, "echo"));
    // Not the default (the dispatcher thread): /checkout calls /echo on this same server.
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    port = server.getAddress().getPort();
    System.out.println("READY port=" + port);
  }

  private static void checkout(HttpExchange exchange) throws IOException {
    int users;
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:shop");
        Statement statement = db.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT COUNT(*) FROM users WHERE name = 'ada'"
                    + " AND password = 'hunter2-SQL-SECRET'")) {
      result.next();
      users = result.getInt(1);
    } catch (Exception e) {
      throw new IOException(e);
    }
    URL echo = new URL("http://shop:url-pass-SECRET@127.0.0.1:" + port + "/echo?sig=SIG-SECRET&page=2");
    HttpURLConnection connection = (HttpURLConnection) echo.openConnection();
    String answer;
    try (InputStream in = connection.getInputStream()) {
      answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    respond(exchange, "users=" + users + " " + answer);
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
