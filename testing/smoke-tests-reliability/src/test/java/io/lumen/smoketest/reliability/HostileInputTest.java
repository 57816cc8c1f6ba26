package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.LoadApp;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever the network and the application throw at the agent (malicious trace headers, huge
 * baggage, binary and broken strings, thousands of attributes) never becomes an exception in the
 * application and never costs unbounded memory: the attribute and count limits bound what is kept.
 */
class HostileInputTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int VALUE_LIMIT = 4096;

  @Test
  void hostileHeadersAndAttributesAreBoundedAndNeverFailTheApplication() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            TestApps.app(AgentUnderTest.exportingTo(receiver.grpcEndpoint()), LoadApp.class)
                .serviceName("hostile-input-app")
                .environment("OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", String.valueOf(VALUE_LIMIT))
                .environment("OTEL_PROPAGATORS", "tracecontext,baggage,b3,jaeger,xray")
                .addJvmArgs("-Xmx256m")
                .echoOutput(false)
                .start()) {
      int port = AgentUnderTest.port(app);
      Map<String, String> outcomes = new LinkedHashMap<>();
      long seq = 1;

      // Malicious or broken trace context: each request must be served and start a new trace.
      List<String> traceparents =
          List.of(
              "00-00000000000000000000000000000000-0000000000000000-01",
              "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
              "00-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-00f067aa0ba902b7-01",
              "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-" + "x".repeat(4096),
              "00-4bf92f3577b34da6a3ce929d0e0e4736",
              "\u00e9\u00e9-\u00e9",
              "");
      List<Long> badTraceContext = new ArrayList<>();
      for (String traceparent : traceparents) {
        badTraceContext.add(seq);
        outcomes.put(
            "traceparent " + describe(traceparent),
            status(raw(port, seq++, Map.of("traceparent", traceparent))));
      }
      outcomes.put(
          "uber-trace-id with a bad % escape",
          status(raw(port, seq++, Map.of("uber-trace-id", "%zz:%zz:0:1"))));
      outcomes.put(
          "b3 and X-Amzn-Trace-Id garbage",
          status(raw(port, seq++, Map.of("b3", "-".repeat(300), "X-Amzn-Trace-Id", "Root=;;;"))));
      outcomes.put(
          "tracestate of 64 KB",
          status(raw(port, seq++, Map.of("tracestate", "k=" + "v".repeat(64 * 1024)))));
      long baggageSeq = seq;
      outcomes.put(
          "baggage of 10 MB",
          status(raw(port, seq++, Map.of("baggage", "k=" + "v".repeat(10 * 1024 * 1024)))));
      Map<String, String> manyHeaders = new LinkedHashMap<>();
      for (int i = 0; i < 150; i++) {
        manyHeaders.put("x-junk-" + i, "\u0001binary\u007f" + i);
      }
      outcomes.put("150 junk headers with control characters", status(raw(port, seq++, manyHeaders)));
      outcomes.put(
          "invalid UTF-8 in the path and query",
          status(rawRequest(port, "GET /work%FF%FE%C0?seq=" + (seq++) + "&q=%ED%A0%80 HTTP/1.1", Map.of())));

      // Hostile attribute values from the application itself.
      HttpResponse<String> hostile =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hostile"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      outcomes.put("1 MB, binary, broken UTF-16, 5,000 attributes, 1,000 events", hostile.statusCode() + "");

      ReceivedSpan hostileSpan =
          receiver.awaitSpan(span -> "/hostile".equals(span.attribute("url.path")), TIMEOUT);
      List<ReceivedSpan> badContextSpans = new ArrayList<>();
      for (long badSeq : badTraceContext) {
        badContextSpans.add(
            receiver.awaitSpan(span -> CollectorOutageTest.seqOf(span) == badSeq, TIMEOUT));
      }
      String stats = stats(port);

      assertThat(app.isAlive()).isTrue();
      assertThat(hostile.statusCode()).isEqualTo(200);
      outcomes.forEach(
          (request, status) ->
              assertThat(status).as(request).isIn("200", "400", "413", "431", "closed"));
      assertThat(outcomes.entrySet().stream()
              .filter(entry -> !entry.getKey().startsWith("baggage")
                  && !entry.getKey().startsWith("invalid UTF-8"))
              .map(Map.Entry::getValue))
          .as("requests the server accepts are all served")
          .allMatch("200"::equals);
      // None of them is a valid W3C traceparent: each request starts a trace of its own.
      assertThat(badContextSpans)
          .allMatch(ReceivedSpan::isRoot)
          .allMatch(span -> !span.traceId().equals("00000000000000000000000000000000"))
          .allMatch(span -> !span.traceId().equals("4bf92f3577b34da6a3ce929d0e0e4736"));
      assertThat(hostileSpan.attributes()).hasSizeLessThanOrEqualTo(128);
      assertThat(String.valueOf(hostileSpan.attribute("hostile.huge"))).hasSizeLessThanOrEqualTo(VALUE_LIMIT);
      assertThat(hostileSpan.events()).hasSizeLessThanOrEqualTo(128);
      assertThat(app.stderr()).doesNotContain("Exception", "ERROR");

      ReliabilityReport.entry("3.2 Hostile telemetry input")
          .proves(
              "Malicious trace headers (all-zero ids, version ff, non-hex, overlong, truncated,"
                  + " non-ASCII, empty; broken Jaeger, B3 and X-Ray headers; a 64 KB tracestate;"
                  + " 10 MB of baggage; 150 junk headers; invalid UTF-8 in the URL) and hostile"
                  + " attributes set by the app (1 MB, binary, broken UTF-16, 5,000 attributes,"
                  + " 1,000 events on one span, with `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT=4096`):"
                  + " every request the JDK server accepts is served, a bad trace context starts"
                  + " a fresh trace, what is exported stays within the limits, and neither the app"
                  + " nor the agent logs an exception.")
          .figure("answers (status per hostile request)", outcomes.toString().replace("|", "/"))
          .figure("hostile span: attributes / longest value / events",
              hostileSpan.attributes().size() + " (limit 128) / "
                  + String.valueOf(hostileSpan.attribute("hostile.huge")).length() + " (limit "
                  + VALUE_LIMIT + ") / " + hostileSpan.events().size() + " (limit 128)")
          .figure("spans with a bad trace context that started a fresh trace",
              badContextSpans.size() + " of " + traceparents.size())
          .figure("span of the 10 MB baggage request received",
              receiver.spans(span -> CollectorOutageTest.seqOf(span) == baggageSeq).isEmpty()
                  ? "no (request refused by the server)" : "yes")
          .figure("app heap after GC at the end", stats)
          .record();
    }
  }

  /** Sends a request over a raw socket, so that nothing on the client side cleans the headers. */
  private static String raw(int port, long seq, Map<String, String> headers) throws IOException {
    return rawRequest(port, "GET /work?seq=" + seq + " HTTP/1.1", headers);
  }

  private static String rawRequest(int port, String requestLine, Map<String, String> headers)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      try {
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        return "closed";
      }
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      String statusLine = new String(head, StandardCharsets.ISO_8859_1);
      Matcher matcher = Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(statusLine);
      return matcher.find() ? matcher.group(1) : "closed";
    } catch (IOException e) {
      return "closed";
    }
  }

  private static String status(String status) {
    return status;
  }

  private static String describe(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "... (" + value.length() + " chars)" : value;
    return "'" + shown + "'";
  }

  private static String stats(int port) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher matcher = Pattern.compile("heapUsed=(\\d+)").matcher(body);
    return matcher.find()
        ? String.format("%.1f MiB", Long.parseLong(matcher.group(1)) / 1024.0 / 1024.0)
        : body;
  }
}
