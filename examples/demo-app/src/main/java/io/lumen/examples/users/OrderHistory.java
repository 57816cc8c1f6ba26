package io.lumen.examples.users;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A user's orders, kept by another service: {@code GET <orders service>/orders?userId=N}, whose
 * JSON is passed on as it is. In the demo that service is down, so the endpoint fails the way real
 * ones do and the trace shows what a failed downstream call looks like.
 */
final class OrderHistory {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final String ordersService;
  private final HttpClient client;

  /** {@code ordersService} is the base URL of the orders service, or null where there is none. */
  OrderHistory(String ordersService) {
    this.ordersService = ordersService == null ? null : ordersService.replaceAll("/+$", "");
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  String ordersOf(User user) {
    if (ordersService == null) {
      throw new IllegalStateException("order history unavailable: ORDERS_URL is not set");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ordersService + "/orders?userId=" + user.id()))
            .timeout(TIMEOUT)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException("order history unavailable: connection refused", e);
    } catch (IOException e) {
      throw new IllegalStateException("order history unavailable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("order history unavailable: interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "order history unavailable: the orders service answered " + response.statusCode());
    }
    return response.body();
  }
}
