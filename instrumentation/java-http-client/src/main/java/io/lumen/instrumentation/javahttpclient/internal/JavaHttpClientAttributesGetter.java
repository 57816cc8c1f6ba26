package io.lumen.instrumentation.javahttpclient.internal;

import io.lumen.instrumentation.httpclient.common.DefaultPorts;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Reads the HTTP client conventions' attributes from the application's request (before the trace
 * headers were added) and the final response.
 */
enum JavaHttpClientAttributesGetter
    implements HttpClientAttributesGetter<HttpRequest, HttpResponse<?>> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(HttpRequest request) {
    return request.method();
  }

  @Override
  public String getUrlFull(HttpRequest request) {
    return request.uri().toString();
  }

  @Override
  public String getServerAddress(HttpRequest request) {
    return request.uri().getHost();
  }

  @Override
  public Integer getServerPort(HttpRequest request) {
    return DefaultPorts.portOrDefault(request.uri().getScheme(), request.uri().getPort());
  }

  @Override
  public List<String> getHttpRequestHeader(HttpRequest request, String name) {
    return request.headers().allValues(name);
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(HttpRequest request) {
    return request.headers().map().keySet();
  }

  @Override
  public Integer getHttpResponseStatusCode(
      HttpRequest request, HttpResponse<?> response, @Nullable Throwable error) {
    return response.statusCode();
  }

  @Override
  public List<String> getHttpResponseHeader(
      HttpRequest request, HttpResponse<?> response, String name) {
    return response.headers().allValues(name);
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(
      HttpRequest request, HttpResponse<?> response) {
    return response.headers().map().keySet();
  }

  @Override
  public String getNetworkProtocolName(HttpRequest request, @Nullable HttpResponse<?> response) {
    return "http";
  }

  /** The version the exchange used: the client negotiates it, the request only states a wish. */
  @Nullable
  @Override
  public String getNetworkProtocolVersion(HttpRequest request, @Nullable HttpResponse<?> response) {
    if (response == null) {
      return null;
    }
    return response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1";
  }
}
