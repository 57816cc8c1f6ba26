package io.lumen.smoketest.messaging.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The forked applications' front door: the JDK's HTTP server, which the agent traces, so that a
 * test's request starts the trace that runs through producer, broker and consumer. Prints {@code
 * READY port=<port>} once listening.
 */
public final class AppHttpServer {

  private AppHttpServer() {}

  /** Serves {@code GET path?query} with {@code handler} (query parameters in, body out). */
  public static void serve(String path, Function<Map<String, String>, String> handler)
      throws IOException {
    serve(Map.of(path, handler));
  }

  /** Serves each path with its handler. */
  public static void serve(Map<String, Function<Map<String, String>, String>> handlers)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    handlers.forEach(
        (path, handler) -> server.createContext(path, exchange -> respond(exchange, handler)));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void respond(HttpExchange exchange, Function<Map<String, String>, String> handler)
      throws IOException {
    int status = 200;
    String body;
    try {
      body = handler.apply(query(exchange.getRequestURI().getRawQuery()));
    } catch (RuntimeException e) {
      e.printStackTrace();
      status = 500;
      body = e.toString();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}
