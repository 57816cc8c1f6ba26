package io.lumen.smoketest.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The orders service that the users service calls for {@code /users/{id}/orders} (its {@code
 * ORDERS_URL}), standing in for the one in the cluster: it answers every {@code GET /orders} with
 * one order and keeps the headers of each request, so a test sees what the agent propagated
 * downstream.
 */
final class OrdersServiceStub implements AutoCloseable {

  static final String ORDERS = "[{\"id\":\"o-1001\",\"total\":42.5}]";

  /** One request as it arrived: its query and its headers (names in any case). */
  record Request(String query, Map<String, String> headers) {

    String header(String name) {
      return headers.get(name);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();

  private OrdersServiceStub(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free port of 127.0.0.1. */
  static OrdersServiceStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OrdersServiceStub orders = new OrdersServiceStub(server);
      server.createContext("/orders", orders::answer);
      server.start();
      return orders;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of the users service's {@code ORDERS_URL}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request for {@code userId}'s orders; the caller got its answer, so it has arrived. */
  synchronized Request requestFor(long userId) {
    return requests.stream()
        .filter(request -> ("userId=" + userId).equals(request.query()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no orders request for user " + userId + ": " + requests));
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
      synchronized (this) {
        requests.add(
            new Request(exchange.getRequestURI().getQuery(), Collections.unmodifiableMap(headers)));
      }
      byte[] body = ORDERS.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
