package io.lumen.instrumentation.httpclient.common.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local server for client tests, on the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code /ok}: 200 with body {@code ok} and header {@code X-Answer: 42};
 *   <li>{@code /status/<code>}: that status;
 *   <li>{@code /redirect}: 302 to {@code /ok};
 *   <li>{@code /slow}: answers only after {@link #close()} (or a minute): for read timeouts.
 * </ul>
 *
 * <p>It records the {@code traceparent} of every request it receives, so tests can check that the
 * client sent the context of its span.
 */
public final class HttpClientTestServer implements AutoCloseable {

  /** What one request carried. */
  public record Received(String method, String path, String traceparent) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private HttpClientTestServer(HttpServer server) {
    this.server = server;
  }

  public static HttpClientTestServer start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpClientTestServer testServer = new HttpClientTestServer(server);
    server.createContext("/", testServer::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return testServer;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public void clear() {
    received.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    received.add(
        new Received(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestHeaders().getFirst("traceparent")));
    exchange.getRequestBody().readAllBytes();
    if (path.equals("/ok")) {
      exchange.getResponseHeaders().add("X-Answer", "42");
      respond(exchange, 200, "ok");
    } else if (path.startsWith("/status/")) {
      respond(exchange, Integer.parseInt(path.substring("/status/".length())), "status");
    } else if (path.equals("/redirect")) {
      exchange.getResponseHeaders().add("Location", "/ok");
      respond(exchange, 302, "");
    } else if (path.equals("/slow")) {
      try {
        closing.await(1, TimeUnit.MINUTES);
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

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
