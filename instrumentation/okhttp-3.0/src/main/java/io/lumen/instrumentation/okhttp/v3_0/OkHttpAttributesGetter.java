package io.lumen.instrumentation.okhttp.v3_0;

import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.util.List;
import javax.annotation.Nullable;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads the conventions' attributes from the application's request (before the trace headers were
 * added) and the final response. Only API that OkHttp 3.0 already had, and 4.x kept for Java
 * callers.
 */
enum OkHttpAttributesGetter implements HttpClientAttributesGetter<Request, Response> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(Request request) {
    return request.method();
  }

  @Override
  public String getUrlFull(Request request) {
    return request.url().toString();
  }

  @Override
  public String getServerAddress(Request request) {
    return request.url().host();
  }

  /** {@code HttpUrl} always knows the port, the scheme's default when the URL names none. */
  @Override
  public Integer getServerPort(Request request) {
    return request.url().port();
  }

  @Override
  public List<String> getHttpRequestHeader(Request request, String name) {
    return request.headers(name);
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(Request request) {
    return request.headers().names();
  }

  @Override
  public Integer getHttpResponseStatusCode(
      Request request, Response response, @Nullable Throwable error) {
    return response.code();
  }

  @Override
  public List<String> getHttpResponseHeader(Request request, Response response, String name) {
    return response.headers(name);
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(Request request, Response response) {
    return response.headers().names();
  }

  @Override
  public String getNetworkProtocolName(Request request, @Nullable Response response) {
    return "http";
  }

  /**
   * From the protocol's ALPN name ({@code http/1.1}, {@code h2}, ...): the {@code Protocol}
   * constants differ between releases, their names do not.
   */
  @Nullable
  @Override
  public String getNetworkProtocolVersion(Request request, @Nullable Response response) {
    if (response == null) {
      return null;
    }
    String protocol = response.protocol().toString();
    switch (protocol) {
      case "http/1.0":
        return "1.0";
      case "http/1.1":
        return "1.1";
      case "h2":
      case "h2_prior_knowledge":
        return "2";
      case "quic":
        return "3";
      default:
        return null;
    }
  }
}
