package io.lumen.examples.users;

/**
 * A user's orders, kept by another system that is down for the whole demo: it gives the service
 * one endpoint that fails the way real ones do, so the trace shows what a 500 looks like.
 */
final class OrderHistory {

  String ordersOf(User user) {
    throw new IllegalStateException("order history unavailable: connection refused");
  }
}
