package io.lumen.smoketest.httpclient.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An application that calls a local server through one HTTP client library, scenario after
 * scenario, then exits (the agent flushes its telemetry on the way out). The server is the JDK's,
 * in the same JVM, so the agent traces it too: each request's SERVER span must be the child of the
 * CLIENT span that sent it.
 *
 * <p>Each scenario requests a URL ending in {@code scenario=<name>}, so that a test finds its
 * CLIENT span by {@code url.full}, and prints {@code SCENARIO <name> status=<code>} or {@code
 * SCENARIO <name> error=<exception class>}.
 *
 * <p>Endpoints: {@code /ok} (200, header {@code X-Answer: 42}), {@code /status/<code>}, {@code
 * /redirect} (302 to {@code /ok}), {@code /slow} (answers only when the application exits, so any
 * read timeout fires first), {@code /echo} (200, reads the request body).
 */
public abstract class ScenarioApp {

  private final CountDownLatch exiting = new CountDownLatch(1);
  private HttpServer server;

  /** Runs the library's scenarios; {@link #run} each one. */
  protected abstract void scenarios() throws Exception;

  protected final void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "test-server");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    try {
      scenarios();
    } finally {
      System.out.println("DONE");
      exiting.countDown();
      server.stop(0);
    }
    // Exits through the shutdown hooks, which flush the agent's spans and metrics.
    System.exit(0);
  }

  /** {@code http://127.0.0.1:<port><path>} with {@code scenario=<name>} appended to the query. */
  protected final String url(String path, String scenario) {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + path
        + (path.contains("?") ? "&" : "?")
        + "scenario="
        + scenario;
  }

  /** A URL on a port nothing listens on. */
  protected static String refusedUrl(String scenario) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port + "/refused?scenario=" + scenario;
  }

  /** Runs one scenario, which returns the response status, and reports how it went. */
  protected static void run(String name, Callable<Integer> scenario) {
    try {
      System.out.println("SCENARIO " + name + " status=" + scenario.call());
    } catch (Throwable t) {
      System.out.println("SCENARIO " + name + " error=" + t.getClass().getName());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    exchange.getRequestBody().readAllBytes();
    if (path.equals("/ok") || path.equals("/echo")) {
      exchange.getResponseHeaders().add("X-Answer", "42");
      respond(exchange, 200, "ok");
    } else if (path.startsWith("/status/")) {
      respond(exchange, Integer.parseInt(path.substring("/status/".length())), "status");
    } else if (path.equals("/redirect")) {
      exchange
          .getResponseHeaders()
          .add("Location", "/ok?" + exchange.getRequestURI().getRawQuery());
      respond(exchange, 302, "");
    } else if (path.equals("/slow")) {
      try {
        exiting.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "slow");
    } else {
      respond(exchange, 404, "unknown");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
