package io.lumen.smoketest.reliability.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code /greet?name} with {@link Greeter#greet}, the method the test's other agent
 * instruments. Prints {@code READY port=<n>}.
 */
public final class GreetingApp {

  private GreetingApp() {}

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/greet",
        exchange -> {
          byte[] body =
              Greeter.greet(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
  }

  /** Greets; the other agent prints a marker on every call. */
  public static final class Greeter {
    private Greeter() {}

    public static String greet(String name) {
      return "hello " + name;
    }
  }
}
