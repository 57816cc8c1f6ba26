package io.lumen.smoketest.javahttpserver;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.apps.JdkHttpServerApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.Jdks;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.ExportRequest;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.Signal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's first instrumentation end to end: an unmodified service on the JDK's HTTP server,
 * started with {@code -javaagent}, and what its requests look like at the OTLP receiver.
 */
class JavaHttpServerSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void clearReceived() {
    receiver.reset();
  }

  static Stream<Arguments> jdks() {
    Optional<Path> java25 = Jdks.java25();
    return Stream.of(
        Arguments.of("JDK " + Runtime.version().feature(), Optional.of(Jdks.current())),
        Arguments.of("JDK 25", java25));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void oneServerSpanPerExchangeFollowingHttpConventions(String jdkName, Optional<Path> java)
      throws Exception {
    Assumptions.assumeTrue(java.isPresent(), Jdks.notFoundMessage(25));
    try (ForkedJvm app = startApp(ForkedJvm.builder().javaExecutable(java.get()))) {
      int port = port(app);

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello?name=lumen"))
                  .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                  .header("tracestate", "vendor=opaque")
                  .header("User-Agent", "smoke-test/1.0")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello");

      ReceivedSpan span = receiver.awaitSpan(s -> s.traceId().equals(TRACE_ID), TIMEOUT);
      assertThat(span)
          .hasName("GET")
          .isServer()
          .isNotError()
          .hasAttribute("http.request.method", "GET")
          .hasAttribute("url.path", "/hello")
          .hasAttribute("url.query", "name=lumen")
          .hasAttribute("url.scheme", "http")
          .hasAttribute("http.response.status_code", 200L)
          .hasAttribute("server.address", "127.0.0.1")
          .hasAttribute("server.port", (long) port)
          .hasAttribute("network.protocol.version", "1.1")
          .hasAttribute("user_agent.original", "smoke-test/1.0")
          .hasServiceName("JdkHttpServerApp")
          .hasResourceAttribute("telemetry.distro.name", "lumen");
      assertThat(span.parentSpanId()).isEqualTo(PARENT_SPAN_ID);
      assertThat(app.stdout() + app.stderr())
          .as("the agent adds nothing to the application's output but its start-up line")
          .doesNotContain("Sharing is only supported")
          .doesNotContain("WARNING")
          .doesNotContain("Exception");

      // exactly one span for the exchange, even after everything was flushed
      client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
          HttpResponse.BodyHandlers.ofString());
      receiver.awaitSpans(s -> s.attribute("url.query") == null, 1, TIMEOUT);
      assertThat(receiver.spans(s -> s.traceId().equals(TRACE_ID))).hasSize(1);
    }
  }

  @Test
  void serverErrorsAndHandlerExceptionsAreErrors() throws Exception {
    try (ForkedJvm app = startApp(ForkedJvm.builder())) {
      int port = port(app);

      assertThat(get(port, "/error").statusCode()).isEqualTo(500);
      ReceivedSpan failed = receiver.awaitSpan(s -> "/error".equals(s.attribute("url.path")), TIMEOUT);
      assertThat(failed)
          .isError()
          .hasAttribute("http.response.status_code", 500L)
          .hasAttribute("error.type", "500");

      try {
        get(port, "/throw");
      } catch (java.io.IOException expected) {
        // the JDK server drops the connection when a handler throws
      }
      ReceivedSpan thrown = receiver.awaitSpan(s -> "/throw".equals(s.attribute("url.path")), TIMEOUT);
      assertThat(thrown)
          .isError()
          .hasAttribute("error.type", "java.lang.IllegalStateException")
          .hasException("java.lang.IllegalStateException");

      // the application still serves normally afterwards
      assertThat(get(port, "/hello").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void requestDurationHistogramIsExported() throws Exception {
    try (ForkedJvm app = startApp(ForkedJvm.builder())) {
      int port = port(app);
      get(port, "/hello");
      get(port, "/error");

      ReceivedMetric duration =
          receiver.awaitMetric(
              metric ->
                  metric.name().equals("http.server.request.duration")
                      && metric.pointWithAttribute("http.response.status_code", 500L).isPresent()
                      && metric.pointWithAttribute("http.response.status_code", 200L).isPresent(),
              TIMEOUT);
      assertThat(duration.unit()).isEqualTo("s");
      assertThat(duration.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
      ReceivedDataPoint ok = duration.pointWithAttribute("http.response.status_code", 200L).get();
      assertThat(ok.attributes())
          .containsEntry("http.request.method", "GET")
          .containsEntry("url.scheme", "http")
          .doesNotContainKey("url.path");
    }
  }

  @Test
  void attachesThroughJavaToolOptions() throws Exception {
    try (ForkedJvm app =
        ForkedJvm.builder()
            .withoutAgent()
            .javaToolOptions("-javaagent:" + System.getProperty("lumen.agent.jar"))
            .mainClass(JdkHttpServerApp.class)
            .addClassPathOf(JdkHttpServerApp.class)
            .exportTo(receiver, OtlpProtocol.GRPC)
            .start()) {
      get(port(app), "/hello");
      assertThat(receiver.awaitSpan("GET", TIMEOUT)).hasServiceName("JdkHttpServerApp");
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        // where the OpenTelemetry Operator copies it: still on the bootstrap path from the start
        "javaagent.jar",
        // any other name: appended at premain, with the JVM's class-data-sharing warning
        "renamed-agent.jar"
      })
  void worksUnderAnyJarName(String jarName, @org.junit.jupiter.api.io.TempDir Path directory)
      throws Exception {
    Path renamed = directory.resolve(jarName);
    java.nio.file.Files.copy(Path.of(System.getProperty("lumen.agent.jar")), renamed);
    try (ForkedJvm app = startApp(ForkedJvm.builder().agent(renamed))) {
      get(port(app), "/hello");
      assertThat(receiver.awaitSpan("GET", TIMEOUT)).hasServiceName("JdkHttpServerApp");
      if (jarName.equals("javaagent.jar")) {
        assertThat(app.stdout() + app.stderr()).doesNotContain("Sharing is only supported");
      }
    }
  }

  @Test
  void exportsOverHttpProtobufWhenAskedTo() throws Exception {
    try (ForkedJvm app =
        ForkedJvm.builder()
            .mainClass(JdkHttpServerApp.class)
            .addClassPathOf(JdkHttpServerApp.class)
            .exportTo(receiver, OtlpProtocol.HTTP_PROTOBUF)
            .start()) {
      get(port(app), "/hello");
      receiver.awaitSpan("GET", TIMEOUT);
      assertThat(receiver.lastRequest(Signal.TRACES))
          .get()
          .extracting(ExportRequest::transport)
          .isEqualTo(ExportRequest.Transport.HTTP_PROTOBUF);
    }
  }

  @Test
  void disabledSdkExportsNothingAndStartsNoExporterThreads() throws Exception {
    try (ForkedJvm app =
        startApp(ForkedJvm.builder().environment("OTEL_SDK_DISABLED", "true"))) {
      int port = port(app);
      String threads = get(port, "/threads").body();
      assertThat(get(port, "/hello").statusCode()).isEqualTo(200);

      assertThat(threads)
          .doesNotContain("BatchSpanProcessor")
          .doesNotContain("PeriodicMetricReader")
          .doesNotContain("OkHttp");
      // Give a (wrongly) running exporter several of its 100 ms export intervals.
      Thread.sleep(2000);
      assertThat(receiver.spans()).isEmpty();
      assertThat(receiver.metrics()).isEmpty();
    }
  }

  @Test
  void disabledAgentLeavesTheApplicationAlone() throws Exception {
    try (ForkedJvm app =
        startApp(ForkedJvm.builder().systemProperty("otel.javaagent.enabled", "false"))) {
      assertThat(get(port(app), "/hello").body()).isEqualTo("hello");
      app.waitForOutput("agent disabled", TIMEOUT);
      Thread.sleep(2000);
      assertThat(receiver.spans()).isEmpty();
    }
  }

  private static ForkedJvm startApp(io.lumen.testing.agent.ForkedJvmBuilder builder) {
    return builder
        .mainClass(JdkHttpServerApp.class)
        .addClassPathOf(JdkHttpServerApp.class)
        .exportTo(receiver, OtlpProtocol.GRPC)
        .start();
  }

  private static int port(ForkedJvm app) {
    Matcher matcher =
        Pattern.compile("READY port=(\\d+)").matcher(app.waitForOutput(Pattern.compile("READY port=\\d+"), TIMEOUT));
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unused")
  private static List<ReceivedSpan> all() {
    return receiver.spans();
  }
}
