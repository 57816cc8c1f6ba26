package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MessageHeaders;
import org.apache.hc.core5.http.ProtocolVersion;

/**
 * Reads the conventions' attributes from the request as the application made it, and the response.
 */
enum ApacheHttpClient5AttributesGetter
    implements HttpClientAttributesGetter<ApacheHttpClientRequest, HttpResponse> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(ApacheHttpClientRequest request) {
    return request.method();
  }

  @Override
  public String getUrlFull(ApacheHttpClientRequest request) {
    return request.url();
  }

  @Override
  public String getServerAddress(ApacheHttpClientRequest request) {
    return request.host();
  }

  @Override
  public Integer getServerPort(ApacheHttpClientRequest request) {
    return request.port();
  }

  @Override
  public List<String> getHttpRequestHeader(ApacheHttpClientRequest request, String name) {
    return values(request.request(), name);
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(ApacheHttpClientRequest request) {
    return names(request.request());
  }

  @Override
  public Integer getHttpResponseStatusCode(
      ApacheHttpClientRequest request, HttpResponse response, @Nullable Throwable error) {
    return response.getCode();
  }

  @Override
  public List<String> getHttpResponseHeader(
      ApacheHttpClientRequest request, HttpResponse response, String name) {
    return values(response, name);
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(
      ApacheHttpClientRequest request, HttpResponse response) {
    return names(response);
  }

  @Override
  public String getNetworkProtocolName(
      ApacheHttpClientRequest request, @Nullable HttpResponse response) {
    return "http";
  }

  /** {@code 1.1}, or {@code 2} for HTTP/2.0. */
  @Nullable
  @Override
  public String getNetworkProtocolVersion(
      ApacheHttpClientRequest request, @Nullable HttpResponse response) {
    ProtocolVersion version = response == null ? null : response.getVersion();
    if (version == null) {
      return null;
    }
    return version.getMajor() >= 2 && version.getMinor() == 0
        ? String.valueOf(version.getMajor())
        : version.getMajor() + "." + version.getMinor();
  }

  private static List<String> values(MessageHeaders message, String name) {
    Header[] headers = message.getHeaders(name);
    List<String> values = new ArrayList<>(headers.length);
    for (Header header : headers) {
      values.add(header.getValue());
    }
    return values;
  }

  private static Set<String> names(MessageHeaders message) {
    Set<String> names = new LinkedHashSet<>();
    for (Iterator<Header> headers = message.headerIterator(); headers.hasNext(); ) {
      names.add(headers.next().getName());
    }
    return names;
  }
}
