package io.lumen.instrumentation.javahttpclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.instrumentation.httpclient.common.testing.AbstractHttpClientLibraryTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JavaHttpClientTelemetryTest extends AbstractHttpClientLibraryTest {

  private HttpClient client;

  @Override
  protected void setUpClient(OpenTelemetry openTelemetry) {
    client = wrap(openTelemetry, plainClient());
  }

  private static HttpClient plainClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static HttpClient wrap(OpenTelemetry openTelemetry, HttpClient client) {
    return JavaHttpClientTelemetry.builder(openTelemetry)
        .setCapturedRequestHeaders(List.of("X-Request-Id"))
        .setCapturedResponseHeaders(List.of("X-Answer"))
        .build()
        .newHttpClient(client);
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    return client
        .send(request(method, uri, headers), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static HttpRequest request(String method, URI uri, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(READ_TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(builder::header);
    return builder.build();
  }

  @Test
  void asyncSendEndsTheSpanWithTheResponse() throws Exception {
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(
            request("GET", server.uri("/status/404"), Map.of()),
            HttpResponse.BodyHandlers.ofString());

    assertThat(future.get().statusCode()).isEqualTo(404);
    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("404");
    assertThat(server.received().get(0).traceparent()).contains(span.getSpanId());
  }

  @Test
  void aClientWrappedTwiceStillMakesOneSpan() throws Exception {
    HttpClient twice = wrap(openTelemetry(), client);

    twice.send(request("GET", server.uri("/ok"), Map.of()), HttpResponse.BodyHandlers.ofString());

    SpanData span = onlySpan();
    assertThat(server.received().get(0).traceparent()).contains(span.getSpanId());
  }
}
