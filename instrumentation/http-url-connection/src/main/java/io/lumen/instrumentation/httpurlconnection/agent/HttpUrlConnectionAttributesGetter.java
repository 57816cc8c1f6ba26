package io.lumen.instrumentation.httpurlconnection.agent;

import io.lumen.instrumentation.httpclient.common.DefaultPorts;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Reads the conventions' attributes from a connection; the response is its status code. Request
 * attributes are read when the span starts, before the connection is made (the connection's URL
 * changes as it follows redirects, and its request properties become unreadable once connected).
 */
enum HttpUrlConnectionAttributesGetter
    implements HttpClientAttributesGetter<HttpURLConnection, Integer> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(HttpURLConnection connection) {
    return connection.getRequestMethod();
  }

  @Override
  public String getUrlFull(HttpURLConnection connection) {
    return connection.getURL().toString();
  }

  @Override
  public String getServerAddress(HttpURLConnection connection) {
    return connection.getURL().getHost();
  }

  @Override
  public Integer getServerPort(HttpURLConnection connection) {
    URL url = connection.getURL();
    return DefaultPorts.portOrDefault(url.getProtocol(), url.getPort());
  }

  @Override
  public List<String> getHttpRequestHeader(HttpURLConnection connection, String name) {
    try {
      String value = connection.getRequestProperty(name);
      return value == null ? Collections.<String>emptyList() : Collections.singletonList(value);
    } catch (IllegalStateException alreadyConnected) {
      return Collections.emptyList();
    }
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(HttpURLConnection connection) {
    try {
      return new ArrayList<>(connection.getRequestProperties().keySet());
    } catch (IllegalStateException alreadyConnected) {
      return Collections.emptyList();
    }
  }

  @Override
  public Integer getHttpResponseStatusCode(
      HttpURLConnection connection, Integer status, @Nullable Throwable error) {
    return status;
  }

  @Override
  public List<String> getHttpResponseHeader(
      HttpURLConnection connection, Integer status, String name) {
    for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
      if (name.equalsIgnoreCase(header.getKey())) {
        return header.getValue();
      }
    }
    return Collections.emptyList();
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(HttpURLConnection connection, Integer status) {
    List<String> names = new ArrayList<>();
    for (String name : connection.getHeaderFields().keySet()) {
      if (name != null) { // the status line's entry
        names.add(name);
      }
    }
    return names;
  }

  @Override
  public String getNetworkProtocolName(HttpURLConnection connection, @Nullable Integer status) {
    return "http";
  }

  /** From the status line, {@code HTTP/1.1 200 OK}; the JDK only speaks 1.0 and 1.1. */
  @Nullable
  @Override
  public String getNetworkProtocolVersion(HttpURLConnection connection, @Nullable Integer status) {
    if (status == null) {
      return null;
    }
    String statusLine = connection.getHeaderField(0);
    if (statusLine == null || !statusLine.startsWith("HTTP/")) {
      return null;
    }
    int space = statusLine.indexOf(' ');
    return statusLine.substring("HTTP/".length(), space < 0 ? statusLine.length() : space);
  }
}
