package io.lumen.instrumentation.servlet.v3_0;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import javax.servlet.AsyncContext;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Library mode in a real container: the application registers the filter itself, and spans reach
 * an in-memory exporter.
 */
class ServletTelemetryTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static final HttpClient client = HttpClient.newHttpClient();
  /** Held until the test releases it, so the async servlet's span is open while it checks. */
  private static volatile CountDownLatch asyncRelease = new CountDownLatch(0);

  private static Tomcat tomcat;
  private static int port;

  @BeforeAll
  static void startTomcat() throws Exception {
    OpenTelemetrySdk openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    ServletTelemetry telemetry =
        ServletTelemetry.builder(openTelemetry)
            .setCapturedRequestHeaders(List.of("X-Custom"))
            .build();

    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(
        (Set<Class<?>> classes, ServletContext servletContext) -> {
          telemetry.addFilter(servletContext);
          servletContext.addServlet("hello", new TextServlet("hello")).addMapping("/hello");
          servletContext.addServlet("users", new TextServlet("user")).addMapping("/users/*");
          servletContext.addServlet("fail", new FailingServlet()).addMapping("/fail");
          servletContext.addServlet("forward", new ForwardingServlet()).addMapping("/forward");
          var async = servletContext.addServlet("async", new AsyncServlet());
          async.setAsyncSupported(true);
          async.addMapping("/async");
        },
        null);
    tomcat.start();
    port = tomcat.getConnector().getLocalPort();
  }

  @AfterAll
  static void stopTomcat() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @BeforeEach
  void reset() {
    spans.reset();
  }

  @Test
  void oneServerSpanChildOfTheIncomingTraceparent() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/users/7?q=1"))
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                .header("X-Custom", "captured")
                .build());
    assertThat(response.body()).isEqualTo("user");

    assertThat(awaitSpans(1))
        .singleElement()
        .satisfies(
            span ->
                assertThat(span)
                    .hasName("GET /users/*")
                    .hasKind(SpanKind.SERVER)
                    .hasTraceId(TRACE_ID)
                    .hasParentSpanId(PARENT_SPAN_ID)
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringKey("http.route"),
                        "/users/*")
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringKey("url.path"),
                        "/users/7")
                    .hasAttribute(
                        io.opentelemetry.api.common.AttributeKey.stringArrayKey(
                            "http.request.header.x-custom"),
                        List.of("captured")));
  }

  @Test
  void forwardIsPartOfTheOneSpan() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/forward")).build()).body()).isEqualTo("hello");
    // a span for the forwarded-to servlet would have arrived first: it would end first
    assertThat(awaitSpans(1)).singleElement().satisfies(span -> assertThat(span)
        .hasName("GET /forward"));
  }

  @Test
  void failureIsRecorded() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/fail")).build()).statusCode()).isEqualTo(500);

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasName("GET /fail").hasStatus(io.opentelemetry.sdk.trace.data.StatusData
        .error());
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).anySatisfy(event -> assertThat(event.getName())
        .isEqualTo("exception"));
  }

  @Test
  void asyncRequestSpanEndsOnlyWhenTheResponseIsComplete() throws Exception {
    asyncRelease = new CountDownLatch(1);
    var pending =
        client.sendAsync(
            HttpRequest.newBuilder(uri("/async")).build(), HttpResponse.BodyHandlers.ofString());
    // the servlet has returned to the container, the response is not complete
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(spans.getFinishedSpanItems()).isEmpty();

    asyncRelease.countDown();
    assertThat(pending.get(10, TimeUnit.SECONDS).body()).isEqualTo("async");
    assertThat(awaitSpans(1))
        .singleElement()
        .satisfies(span -> assertThat(span).hasName("GET /async").hasEnded());
  }

  /**
   * The scope names the module: servlet-3.0, or servlet-5.0 where this test runs relocated to
   * {@code jakarta.servlet}, as the servlet-5.0 module's tests.
   */
  @Test
  void scopeIsTheModuleOfTheServletApi() throws Exception {
    String module =
        HttpServlet.class.getName().startsWith("jakarta.") ? "servlet-5.0" : "servlet-3.0";
    assertThat(send(HttpRequest.newBuilder(uri("/hello")).build()).body()).isEqualTo("hello");

    assertThat(awaitSpans(1))
        .singleElement()
        .satisfies(
            span ->
                assertThat(span.getInstrumentationScopeInfo().getName())
                    .isEqualTo("io.lumen." + module));
  }

  private static List<SpanData> awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (spans.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    // a wrongly duplicated span would end right after the first
    TimeUnit.MILLISECONDS.sleep(200);
    return spans.getFinishedSpanItems();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static final class TextServlet extends HttpServlet {
    private final String text;

    TextServlet(String text) {
      this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().print(text);
    }
  }

  private static final class FailingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("failed");
    }
  }

  private static final class ForwardingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, javax.servlet.ServletException {
      request.getRequestDispatcher("/hello").forward(request, response);
    }
  }

  private static final class AsyncServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      new Thread(
              () -> {
                try {
                  asyncRelease.await(10, TimeUnit.SECONDS);
                  async.getResponse().getWriter().print("async");
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                } finally {
                  async.complete();
                }
              })
          .start();
    }
  }
}
