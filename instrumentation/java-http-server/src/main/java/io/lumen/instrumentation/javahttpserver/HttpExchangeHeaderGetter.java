package io.lumen.instrumentation.javahttpserver;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Reads propagation headers ({@code traceparent}, {@code baggage}, ...) from a request. The JDK's
 * {@link com.sun.net.httpserver.Headers} normalise the case of names on both insert and look-up, so
 * the propagators' lowercase names find headers however the client spelled them.
 */
enum HttpExchangeHeaderGetter implements TextMapGetter<HttpExchange> {
  INSTANCE;

  @Override
  public Iterable<String> keys(HttpExchange exchange) {
    return exchange.getRequestHeaders().keySet();
  }

  @Override
  public String get(HttpExchange exchange, String key) {
    if (exchange == null) {
      return null;
    }
    return exchange.getRequestHeaders().getFirst(key);
  }

  /** Every value, so that a request with several {@code baggage} headers keeps all entries. */
  @Override
  public Iterator<String> getAll(HttpExchange exchange, String key) {
    if (exchange == null) {
      return Collections.emptyIterator();
    }
    List<String> values = exchange.getRequestHeaders().get(key);
    return values == null ? Collections.<String>emptyIterator() : values.iterator();
  }
}
