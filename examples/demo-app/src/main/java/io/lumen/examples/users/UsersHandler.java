package io.lumen.examples.users;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /users} API:
 *
 * <ul>
 *   <li>{@code GET /users?limit=N}: the first N users (default 10, at most 100);
 *   <li>{@code GET /users/{id}}: one user, or 404;
 *   <li>{@code GET /users/{id}/orders}: the user's orders, from the orders service; 500 when it
 *       cannot be reached.
 * </ul>
 *
 * <p>Each request is logged once it is answered ({@code GET /users/42 -> 200}); a failure is also
 * logged as a warning with its reason.
 */
final class UsersHandler implements HttpHandler {

  /**
   * Named after the service rather than this class: the Lumen agent never exports records of
   * loggers in its own namespace, {@code io.lumen.*}, which this example's package shares.
   */
  private static final Logger log = Logger.getLogger("users-service");

  private static final Pattern USER = Pattern.compile("/users/(\\d+)");
  private static final Pattern ORDERS = Pattern.compile("/users/(\\d+)/orders");
  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_LIMIT = 100;

  private final UserDirectory directory;
  private final OrderHistory orderHistory;

  UsersHandler(UserDirectory directory, OrderHistory orderHistory) {
    this.directory = directory;
    this.orderHistory = orderHistory;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      int status;
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        status = respond(exchange, 405, Json.error("only GET is supported"));
      } else {
        try {
          status = route(exchange);
        } catch (RuntimeException e) {
          log.warning(request + " failed: " + e.getMessage());
          status = respond(exchange, 500, Json.error(e.getMessage()));
        }
      }
      log.info(request + " -> " + status);
    }
  }

  /** Answers the request and returns the status sent. */
  private int route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Matcher user = USER.matcher(path);
    Matcher orders = ORDERS.matcher(path);
    if (path.equals("/users") || path.equals("/users/")) {
      return list(exchange);
    } else if (user.matches()) {
      Optional<User> found = directory.find(Long.parseLong(user.group(1)));
      if (found.isPresent()) {
        return respond(exchange, 200, found.get().toJson());
      }
      return respond(exchange, 404, Json.error("no user " + user.group(1)));
    } else if (orders.matches()) {
      Optional<User> found = directory.find(Long.parseLong(orders.group(1)));
      if (found.isPresent()) {
        return respond(exchange, 200, orderHistory.ordersOf(found.get()));
      }
      return respond(exchange, 404, Json.error("no user " + orders.group(1)));
    }
    return respond(exchange, 404, Json.error("no such resource: " + path));
  }

  private int list(HttpExchange exchange) throws IOException {
    int limit = DEFAULT_LIMIT;
    String query = exchange.getRequestURI().getQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("limit=")) {
          try {
            limit = Integer.parseInt(parameter.substring("limit=".length()));
          } catch (NumberFormatException e) {
            limit = -1;
          }
        }
      }
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return respond(exchange, 400, Json.error("limit must be between 1 and " + MAX_LIMIT));
    }
    return respond(exchange, 200, Json.users(directory.list(limit)));
  }

  private static int respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    return status;
  }
}
