package io.lumen.smoketest.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.concurrent.Executors;

/**
 * A plain service on the JDK's HTTP server, with no knowledge of any agent. Smoke tests fork it,
 * with and without the agent. Prints {@code READY port=<n>} once it serves.
 */
public final class JdkHttpServerApp {

  private JdkHttpServerApp() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
    server.createContext("/error", exchange -> respond(exchange, 500, "failed"));
    server.createContext(
        "/throw",
        exchange -> {
          throw new IllegalStateException("handler failed");
        });
    server.createContext(
        "/threads",
        exchange -> {
          TreeSet<String> names = new TreeSet<>();
          for (Thread thread : Thread.getAllStackTraces().keySet()) {
            names.add(thread.getName());
          }
          respond(exchange, 200, String.join("\n", names));
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
