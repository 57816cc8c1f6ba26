package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;
import org.apache.http.Header;
import org.apache.http.HttpMessage;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolVersion;

/** Reads the conventions' attributes with the API HttpClient 4.0 already had. */
enum ApacheHttpClient4AttributesGetter
    implements HttpClientAttributesGetter<ApacheHttpClient4Request, HttpResponse> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(ApacheHttpClient4Request request) {
    return request.method();
  }

  @Override
  public String getUrlFull(ApacheHttpClient4Request request) {
    return request.url();
  }

  @Override
  public String getServerAddress(ApacheHttpClient4Request request) {
    return request.host();
  }

  @Override
  public Integer getServerPort(ApacheHttpClient4Request request) {
    return request.port();
  }

  @Override
  public List<String> getHttpRequestHeader(ApacheHttpClient4Request request, String name) {
    return values(request.request(), name);
  }

  @Override
  public Iterable<String> getHttpRequestHeaderNames(ApacheHttpClient4Request request) {
    return names(request.request());
  }

  @Override
  public Integer getHttpResponseStatusCode(
      ApacheHttpClient4Request request, HttpResponse response, @Nullable Throwable error) {
    return response.getStatusLine().getStatusCode();
  }

  @Override
  public List<String> getHttpResponseHeader(
      ApacheHttpClient4Request request, HttpResponse response, String name) {
    return values(response, name);
  }

  @Override
  public Iterable<String> getHttpResponseHeaderNames(
      ApacheHttpClient4Request request, HttpResponse response) {
    return names(response);
  }

  @Override
  public String getNetworkProtocolName(
      ApacheHttpClient4Request request, @Nullable HttpResponse response) {
    return "http";
  }

  @Nullable
  @Override
  public String getNetworkProtocolVersion(
      ApacheHttpClient4Request request, @Nullable HttpResponse response) {
    ProtocolVersion version = response == null ? null : response.getProtocolVersion();
    return version == null ? null : version.getMajor() + "." + version.getMinor();
  }

  private static List<String> values(HttpMessage message, String name) {
    Header[] headers = message.getHeaders(name);
    List<String> values = new ArrayList<>(headers.length);
    for (Header header : headers) {
      values.add(header.getValue());
    }
    return values;
  }

  private static Set<String> names(HttpMessage message) {
    Set<String> names = new LinkedHashSet<>();
    for (Header header : message.getAllHeaders()) {
      names.add(header.getName());
    }
    return names;
  }
}
