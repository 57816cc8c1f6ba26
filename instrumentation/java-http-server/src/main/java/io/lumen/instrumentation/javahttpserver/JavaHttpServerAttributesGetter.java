package io.lumen.instrumentation.javahttpserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;

/**
 * Reads the HTTP semantic-convention attributes from an exchange. The exchange is both the request
 * and the response: the JDK server has no separate response object.
 *
 * <p>There is deliberately no {@link #getHttpRoute route}: a context's path is only a prefix of the
 * paths it serves, and raw paths would make span names and metric attributes unbounded. Server and
 * client addresses need nothing here: the extractor reads them from the {@code Host} and {@code
 * Forwarded}/{@code X-Forwarded-*} headers, falling back to the peer's socket address.
 */
enum JavaHttpServerAttributesGetter
    implements HttpServerAttributesGetter<HttpExchange, HttpExchange> {
  INSTANCE;

  /** What {@link HttpExchange#getResponseCode()} returns before the response headers are sent. */
  private static final int NO_RESPONSE_YET = -1;

  @Override
  public String getHttpRequestMethod(HttpExchange exchange) {
    return exchange.getRequestMethod();
  }

  @Override
  public String getUrlScheme(HttpExchange exchange) {
    return exchange instanceof HttpsExchange ? "https" : "http";
  }

  /** The path as sent, percent-encoding kept, like the query. */
  @Override
  public String getUrlPath(HttpExchange exchange) {
    return exchange.getRequestURI().getRawPath();
  }

  @Override
  public String getUrlQuery(HttpExchange exchange) {
    return exchange.getRequestURI().getRawQuery();
  }

  @Override
  public List<String> getHttpRequestHeader(HttpExchange exchange, String name) {
    return values(exchange.getRequestHeaders(), name);
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(HttpExchange exchange) {
    return exchange.getRequestHeaders().keySet();
  }

  /**
   * The status the handler sent, or null if it sent none: a handler that throws before {@code
   * sendResponseHeaders} leaves the JDK server to close the connection without any response, so
   * there is no status to report (the span still gets {@code error.type} and ERROR status).
   */
  @Override
  public Integer getHttpResponseStatusCode(
      HttpExchange exchange, HttpExchange response, Throwable error) {
    int status = exchange.getResponseCode();
    return status == NO_RESPONSE_YET ? null : status;
  }

  @Override
  public List<String> getHttpResponseHeader(
      HttpExchange exchange, HttpExchange response, String name) {
    return values(exchange.getResponseHeaders(), name);
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(HttpExchange exchange, HttpExchange response) {
    return exchange.getResponseHeaders().keySet();
  }

  /** {@code "http"} from {@code "HTTP/1.1"}; the extractor lowercases it. */
  @Override
  public String getNetworkProtocolName(HttpExchange exchange, HttpExchange response) {
    String protocol = exchange.getProtocol();
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash <= 0 ? null : protocol.substring(0, slash);
  }

  /** {@code "1.1"} from {@code "HTTP/1.1"}. */
  @Override
  public String getNetworkProtocolVersion(HttpExchange exchange, HttpExchange response) {
    String protocol = exchange.getProtocol();
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash < 0 || slash == protocol.length() - 1 ? null : protocol.substring(slash + 1);
  }

  @Override
  public InetSocketAddress getNetworkPeerInetSocketAddress(
      HttpExchange exchange, HttpExchange response) {
    return exchange.getRemoteAddress();
  }

  @Override
  public InetSocketAddress getNetworkLocalInetSocketAddress(
      HttpExchange exchange, HttpExchange response) {
    return exchange.getLocalAddress();
  }

  private static List<String> values(Headers headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? Collections.<String>emptyList() : values;
  }
}
