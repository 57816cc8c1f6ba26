package io.lumen.examples.users;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /users} API:
 *
 * <ul>
 *   <li>{@code GET /users?limit=N}: the first N users (default 10, at most 100);
 *   <li>{@code GET /users/{id}}: one user, or 404;
 *   <li>{@code GET /users/{id}/orders}: the user's orders, from a system that is down: 500.
 * </ul>
 */
final class UsersHandler implements HttpHandler {

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
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        respond(exchange, 405, Json.error("only GET is supported"));
        return;
      }
      try {
        route(exchange);
      } catch (RuntimeException e) {
        respond(exchange, 500, Json.error(e.getMessage()));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Matcher user = USER.matcher(path);
    Matcher orders = ORDERS.matcher(path);
    if (path.equals("/users") || path.equals("/users/")) {
      list(exchange);
    } else if (user.matches()) {
      Optional<User> found = directory.find(Long.parseLong(user.group(1)));
      if (found.isPresent()) {
        respond(exchange, 200, found.get().toJson());
      } else {
        respond(exchange, 404, Json.error("no user " + user.group(1)));
      }
    } else if (orders.matches()) {
      Optional<User> found = directory.find(Long.parseLong(orders.group(1)));
      if (found.isPresent()) {
        respond(exchange, 200, orderHistory.ordersOf(found.get()));
      } else {
        respond(exchange, 404, Json.error("no user " + orders.group(1)));
      }
    } else {
      respond(exchange, 404, Json.error("no such resource: " + path));
    }
  }

  private void list(HttpExchange exchange) throws IOException {
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
      respond(exchange, 400, Json.error("limit must be between 1 and " + MAX_LIMIT));
      return;
    }
    respond(exchange, 200, Json.users(directory.list(limit)));
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
