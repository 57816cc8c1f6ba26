package io.lumen.instrumentation.apachehttpclient.v5_0;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.instrumentation.httpclient.common.testing.AbstractHttpClientLibraryTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequests;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

class ApacheHttpClient5TelemetryTest extends AbstractHttpClientLibraryTest {

  private ApacheHttpClient5Telemetry telemetry;
  private CloseableHttpClient client;

  @Override
  protected void setUpClient(OpenTelemetry openTelemetry) {
    telemetry =
        ApacheHttpClient5Telemetry.builder(openTelemetry)
            .setCapturedRequestHeaders(List.of("X-Request-Id"))
            .setCapturedResponseHeaders(List.of("X-Answer"))
            .build();
    client =
        telemetry
            .newHttpClientBuilder()
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(READ_TIMEOUT.toMillis()))
                    .build())
            .build();
  }

  @Override
  protected void tearDownClient() throws Exception {
    client.close();
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
    headers.forEach(request::setHeader);
    try (CloseableHttpResponse response = client.execute(request)) {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    }
  }

  @Test
  void asyncExecuteEndsTheSpanWithTheFinalResponse() throws Exception {
    try (CloseableHttpAsyncClient async = telemetry.newHttpAsyncClientBuilder().build()) {
      async.start();
      SimpleHttpRequest request = SimpleHttpRequests.get(server.uri("/redirect"));
      SimpleHttpResponse response = async.execute(request, null).get(30, TimeUnit.SECONDS);
      assertThat(response.getCode()).isEqualTo(200);
    }

    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(1L);
    assertThat(server.received())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.traceparent()).contains(span.getSpanId()));
  }

  @Test
  void telemetryAddedTwiceStillMakesOneSpanAndCountsOnce() throws Exception {
    // as when an application adds the library's handlers and the agent adds its own
    ApacheHttpClient5Telemetry other = ApacheHttpClient5Telemetry.create(openTelemetry());
    try (CloseableHttpClient twice =
            other.addTo(telemetry.addTo(telemetry.newHttpClientBuilder())).build();
        CloseableHttpResponse response =
            twice.execute(new HttpUriRequestBase("GET", server.uri("/redirect")))) {
      EntityUtils.consume(response.getEntity());
    }

    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(1L);
  }
}
