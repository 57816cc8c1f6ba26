package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.lumen.instrumentation.httpclient.common.DefaultPorts;
import javax.annotation.Nullable;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * A request as the exec chain sees it, with the route's target: a request may carry its scheme and
 * authority, or leave them to the route.
 */
final class ApacheHttpClientRequest {

  private final HttpRequest request;
  private final String scheme;
  private final String host;
  private final int port;

  ApacheHttpClientRequest(HttpRequest request, @Nullable HttpHost target) {
    this.request = request;
    URIAuthority authority = request.getAuthority();
    String requestScheme = request.getScheme();
    this.scheme =
        requestScheme != null ? requestScheme : target != null ? target.getSchemeName() : "http";
    if (authority != null) {
      this.host = authority.getHostName();
      this.port = authority.getPort();
    } else if (target != null) {
      this.host = target.getHostName();
      this.port = target.getPort();
    } else {
      this.host = null;
      this.port = -1;
    }
  }

  HttpRequest request() {
    return request;
  }

  String method() {
    return request.getMethod();
  }

  @Nullable
  String host() {
    return host;
  }

  @Nullable
  Integer port() {
    return DefaultPorts.portOrDefault(scheme, port);
  }

  String url() {
    StringBuilder url = new StringBuilder(scheme).append("://");
    if (host != null) {
      url.append(host);
    }
    if (port > 0) {
      url.append(':').append(port);
    }
    String path = request.getPath();
    return url.append(path == null ? "" : path).toString();
  }
}
