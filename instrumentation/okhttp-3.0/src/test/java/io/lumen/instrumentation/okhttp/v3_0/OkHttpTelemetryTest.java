package io.lumen.instrumentation.okhttp.v3_0;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.instrumentation.httpclient.common.testing.AbstractHttpClientLibraryTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class OkHttpTelemetryTest extends AbstractHttpClientLibraryTest {

  private Call.Factory calls;

  @Override
  protected void setUpClient(OpenTelemetry openTelemetry) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    calls =
        OkHttpTelemetry.builder(openTelemetry)
            .setCapturedRequestHeaders(List.of("X-Request-Id"))
            .setCapturedResponseHeaders(List.of("X-Answer"))
            .build()
            .newCallFactory(client);
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    // OkHttp 3.0's Response is not Closeable: reading the body to its end closes it.
    Response response = calls.newCall(request(method, uri, headers)).execute();
    response.body().string();
    return response.code();
  }

  private static Request request(String method, URI uri, Map<String, String> headers) {
    Request.Builder builder =
        new Request.Builder()
            .url(uri.toString())
            .method(method, method.equals("POST") ? RequestBody.create(null, "body") : null);
    headers.forEach(builder::header);
    return builder.build();
  }

  @Test
  void enqueuedCallIsTheChildOfTheContextItWasCreatedIn() throws Exception {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    Span parent = openTelemetry().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      calls
          .newCall(request("GET", server.uri("/ok"), Map.of()))
          .enqueue(
              new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                  status.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) throws IOException {
                  status.complete(response.code());
                  response.body().close();
                }
              });
    }
    assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    parent.end();

    List<SpanData> spans = awaitSpans(2);
    SpanData client =
        spans.stream().filter(s -> s.getName().equals("GET")).findFirst().orElseThrow();
    assertThat(client.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(server.received().get(0).traceparent()).contains(client.getSpanId());
  }

  @Test
  void unknownMethodIsOther() throws Exception {
    send("PURGE", server.uri("/ok"), Map.of());

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("HTTP");
    assertThat(span.getAttributes().asMap().toString()).contains("http.request.method=_OTHER");
  }

  @Test
  void aFactoryOverAnInstrumentedClientStillMakesOneSpan() throws Exception {
    OkHttpTelemetry telemetry = OkHttpTelemetry.create(openTelemetry());
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    assertThat(telemetry.addInterceptor(builder.interceptors())).isTrue();
    Call.Factory twice = telemetry.newCallFactory(builder.build());

    Response response = twice.newCall(request("GET", server.uri("/ok"), Map.of())).execute();
    response.body().string();
    assertThat(response.code()).isEqualTo(200);
    onlySpan();
  }
}
