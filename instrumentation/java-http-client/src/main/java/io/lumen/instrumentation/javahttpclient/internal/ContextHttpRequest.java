package io.lumen.instrumentation.javahttpclient.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The application's request with the trace context's headers added: {@link HttpRequest} is
 * immutable, and the JDK client accepts any implementation of it (it copies what it needs when a
 * send begins). Everything but {@link #headers()} is the original's.
 */
final class ContextHttpRequest extends HttpRequest {

  private final HttpRequest request;
  private final HttpHeaders headers;

  ContextHttpRequest(HttpRequest request, Map<String, String> contextHeaders) {
    this.request = request;
    // HttpHeaders names are case-insensitive: a traceparent the application set itself is
    // replaced, not duplicated.
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(request.headers().map());
    contextHeaders.forEach((name, value) -> merged.put(name, List.of(value)));
    this.headers = HttpHeaders.of(merged, (name, value) -> true);
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return request.bodyPublisher();
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return request.timeout();
  }

  @Override
  public boolean expectContinue() {
    return request.expectContinue();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return request.version();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
