package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Reads the HTTP semantic-convention attributes of a servlet request and response.
 *
 * <p>{@code server.address} and {@code server.port} need nothing here: the extractor reads them
 * from the {@code Host} (or {@code Forwarded}) header, which is what the client asked for, rather
 * than from the socket the container happened to accept on. {@code client.address} likewise comes
 * from {@code Forwarded}/{@code X-Forwarded-For} when a proxy sent them, and from the peer
 * otherwise.
 */
final class ServletHttpAttributesGetter<REQUEST, RESPONSE>
    implements HttpServerAttributesGetter<REQUEST, RESPONSE> {

  private static final int INTERNAL_SERVER_ERROR = 500;

  private final ServletAccessor<REQUEST, RESPONSE> accessor;
  private final ServletRouteResolver<REQUEST> routeResolver;

  ServletHttpAttributesGetter(ServletAccessor<REQUEST, RESPONSE> accessor) {
    this.accessor = accessor;
    this.routeResolver = new ServletRouteResolver<>(accessor);
  }

  @Override
  public String getHttpRequestMethod(REQUEST request) {
    return accessor.getRequestMethod(request);
  }

  @Override
  public String getUrlScheme(REQUEST request) {
    return accessor.getRequestScheme(request);
  }

  @Override
  public String getUrlPath(REQUEST request) {
    return accessor.getRequestUri(request);
  }

  @Override
  @Nullable
  public String getUrlQuery(REQUEST request) {
    return accessor.getRequestQueryString(request);
  }

  @Override
  @Nullable
  public String getHttpRoute(REQUEST request) {
    return routeResolver.route(request);
  }

  @Override
  public List<String> getHttpRequestHeader(REQUEST request, String name) {
    return accessor.getRequestHeaders(request, name);
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(REQUEST request) {
    return accessor.getRequestHeaderNames(request);
  }

  /**
   * The status the response has. An exception that escaped the servlet leaves it at its default
   * 200 while the container goes on to send 500, which is then the status to report, unless the
   * response was already sent.
   */
  @Override
  @Nullable
  public Integer getHttpResponseStatusCode(
      REQUEST request, RESPONSE response, @Nullable Throwable error) {
    if (response == null) {
      return null;
    }
    int status = accessor.getResponseStatus(response);
    if (error != null && !accessor.isResponseCommitted(response) && status < 400) {
      return INTERNAL_SERVER_ERROR;
    }
    return status;
  }

  @Override
  public List<String> getHttpResponseHeader(REQUEST request, RESPONSE response, String name) {
    return accessor.getResponseHeaders(response, name);
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(REQUEST request, RESPONSE response) {
    return accessor.getResponseHeaderNames(response);
  }

  /** {@code "http"} from {@code "HTTP/1.1"}; the extractor lowercases it. */
  @Override
  @Nullable
  public String getNetworkProtocolName(REQUEST request, @Nullable RESPONSE response) {
    String protocol = accessor.getRequestProtocol(request);
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash <= 0 ? null : protocol.substring(0, slash);
  }

  /** {@code "1.1"} from {@code "HTTP/1.1"}. */
  @Override
  @Nullable
  public String getNetworkProtocolVersion(REQUEST request, @Nullable RESPONSE response) {
    String protocol = accessor.getRequestProtocol(request);
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    return slash < 0 || slash == protocol.length() - 1 ? null : protocol.substring(slash + 1);
  }

  @Override
  @Nullable
  public String getNetworkPeerAddress(REQUEST request, @Nullable RESPONSE response) {
    return accessor.getRemoteAddress(request);
  }

  @Override
  @Nullable
  public Integer getNetworkPeerPort(REQUEST request, @Nullable RESPONSE response) {
    return positive(accessor.getRemotePort(request));
  }

  @Override
  @Nullable
  public String getNetworkLocalAddress(REQUEST request, @Nullable RESPONSE response) {
    return accessor.getLocalAddress(request);
  }

  @Override
  @Nullable
  public Integer getNetworkLocalPort(REQUEST request, @Nullable RESPONSE response) {
    return positive(accessor.getLocalPort(request));
  }

  /** The immediate client; a proxy's {@code Forwarded} headers take precedence in the extractor. */
  @Override
  @Nullable
  public String getClientAddress(REQUEST request) {
    return accessor.getRemoteAddress(request);
  }

  @Override
  @Nullable
  public Integer getClientPort(REQUEST request) {
    return positive(accessor.getRemotePort(request));
  }

  @Nullable
  private static Integer positive(int port) {
    return port > 0 ? port : null;
  }
}
