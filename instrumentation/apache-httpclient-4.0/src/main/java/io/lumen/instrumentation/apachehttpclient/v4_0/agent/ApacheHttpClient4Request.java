package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import io.lumen.instrumentation.httpclient.common.DefaultPorts;
import java.net.URI;
import javax.annotation.Nullable;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;

/**
 * A request with the host it is executed against. Its request line holds either an absolute URI or
 * just the path, the target then giving scheme, host and port.
 */
final class ApacheHttpClient4Request {

  private final HttpRequest request;
  private final String scheme;
  @Nullable private final String host;
  private final int port;
  private final String url;

  ApacheHttpClient4Request(@Nullable HttpHost target, HttpRequest request) {
    this.request = request;
    String uri = request.getRequestLine().getUri();
    URI absolute = absolute(uri);
    if (absolute != null) {
      this.scheme = absolute.getScheme();
      this.host = absolute.getHost();
      this.port = absolute.getPort();
      this.url = uri;
    } else {
      this.scheme = target == null ? "http" : target.getSchemeName();
      this.host = target == null ? null : target.getHostName();
      this.port = target == null ? -1 : target.getPort();
      this.url = scheme + "://" + (host == null ? "" : host) + (port > 0 ? ":" + port : "") + uri;
    }
  }

  @Nullable
  private static URI absolute(String uri) {
    try {
      URI parsed = new URI(uri);
      return parsed.isAbsolute() ? parsed : null;
    } catch (Exception e) {
      return null;
    }
  }

  HttpRequest request() {
    return request;
  }

  String method() {
    return request.getRequestLine().getMethod();
  }

  String url() {
    return url;
  }

  @Nullable
  String host() {
    return host;
  }

  @Nullable
  Integer port() {
    return DefaultPorts.portOrDefault(scheme, port);
  }
}
