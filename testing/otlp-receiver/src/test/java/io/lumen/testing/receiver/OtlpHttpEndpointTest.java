package io.lumen.testing.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OTLP/HTTP endpoint as a raw HTTP client sees it: OTLP/JSON and protocol errors. */
class OtlpHttpEndpointTest {

  private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
  private static final String SPAN_ID = "eee19b7ec3c1b174";
  private static final String PARENT_SPAN_ID = "eee19b7ec3c1b173";

  private final HttpClient client = HttpClient.newHttpClient();
  private OtlpReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void acceptsOtlpJsonWithHexIds() throws Exception {
    String json =
        """
        {"resourceSpans": [{
          "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "json-app"}}]},
          "scopeSpans": [{
            "scope": {"name": "manual", "version": "1.0"},
            "spans": [{
              "traceId": "%s", "spanId": "%s", "parentSpanId": "%s",
              "name": "POST /orders", "kind": 2,
              "startTimeUnixNano": "1000000000", "endTimeUnixNano": "1250000000",
              "attributes": [
                {"key": "http.response.status_code", "value": {"intValue": "201"}},
                {"key": "note", "value": {"stringValue": "mentions \\"traceId\\": \\"zz\\""}}
              ],
              "status": {"code": 2, "message": "boom"}
            }]
          }]
        }]}
        """
            .formatted(TRACE_ID, SPAN_ID, PARENT_SPAN_ID);

    HttpResponse<String> response = post("/v1/traces", "application/json", json);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    ReceivedSpan span = receiver.awaitSpan("POST /orders", Duration.ofSeconds(10));
    assertThat(span.traceId()).isEqualTo(TRACE_ID);
    assertThat(span.spanId()).isEqualTo(SPAN_ID);
    assertThat(span.parentSpanId()).isEqualTo(PARENT_SPAN_ID);
    assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.SERVER);
    assertThat(span.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(span.attribute("http.response.status_code")).isEqualTo(201L);
    assertThat(span.attribute("note")).isEqualTo("mentions \"traceId\": \"zz\"");
    assertThat(span.isError()).isTrue();
    assertThat(span.statusMessage()).isEqualTo("boom");
    assertThat(span.serviceName()).isEqualTo("json-app");
    assertThat(receiver.lastRequest(Signal.TRACES).orElseThrow().transport())
        .isEqualTo(ExportRequest.Transport.HTTP_JSON);
  }

  @Test
  void answersProtobufWithTheExportResponse() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(receiver.httpEndpoint() + "/v1/traces"))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
            .build();

    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    assertThat(ExportTraceServiceResponse.parseFrom(response.body()))
        .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(receiver.requestCount(Signal.TRACES)).isEqualTo(1);
  }

  @Test
  void rejectsWhatIsNotAnOtlpExport() throws Exception {
    HttpResponse<String> get =
        client.send(
            HttpRequest.newBuilder(URI.create(receiver.httpEndpoint() + "/v1/traces")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);

    assertThat(post("/v1/traces", "text/plain", "hello").statusCode()).isEqualTo(415);
    assertThat(post("/v1/metrics", "application/json", "{not json").statusCode()).isEqualTo(400);
    assertThat(post("/v1/logs", "application/x-protobuf", "\u00ff\u00ff\u00ff").statusCode())
        .isEqualTo(400);
    assertThat(post("/v1/traces/extra", "application/json", "{}").statusCode()).isEqualTo(404);

    assertThat(receiver.requestCount(Signal.TRACES)).isZero();
    assertThat(receiver.requestCount(Signal.METRICS)).isZero();
    assertThat(receiver.requestCount(Signal.LOGS)).isZero();
  }

  private HttpResponse<String> post(String path, String contentType, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(receiver.httpEndpoint() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
