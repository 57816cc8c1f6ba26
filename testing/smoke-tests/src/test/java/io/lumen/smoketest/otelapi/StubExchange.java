package io.lumen.smoketest.otelapi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A GET exchange that never touched a socket, for running a context's filter chain in the caller's
 * thread: whatever the filters see as the current context is the caller's.
 */
final class StubExchange extends HttpExchange {

  private final HttpContext context;
  private final URI uri;
  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private final Map<String, Object> attributes = new HashMap<>();
  private int responseCode = -1;

  StubExchange(HttpContext context, String path) {
    this.context = context;
    this.uri = URI.create(path);
    requestHeaders.add("Host", "127.0.0.1");
  }

  String responseBody() {
    return responseBody.toString(StandardCharsets.UTF_8);
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return "GET";
  }

  @Override
  public HttpContext getHttpContext() {
    return context;
  }

  @Override
  public void close() {}

  @Override
  public InputStream getRequestBody() {
    return new ByteArrayInputStream(new byte[0]);
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int code, long length) {
    responseCode = code;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return new InetSocketAddress("127.0.0.1", 40000);
  }

  @Override
  public int getResponseCode() {
    return responseCode;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return new InetSocketAddress("127.0.0.1", 80);
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {}

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }
}
