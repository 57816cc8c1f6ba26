package io.lumen.smoketest.httpserver;

import static io.lumen.smoketest.httpserver.ServerUnderTest.CAPTURED_REQUEST_HEADER;
import static io.lumen.smoketest.httpserver.ServerUnderTest.CAPTURED_RESPONSE_HEADER;
import static io.lumen.smoketest.httpserver.ServerUnderTest.TIMEOUT;
import static io.lumen.smoketest.httpserver.ServerUnderTest.newSpanId;
import static io.lumen.smoketest.httpserver.ServerUnderTest.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpserver.apps.EmbeddedServer;
import io.lumen.smoketest.httpserver.apps.javax.JavaxServletApp.ContextLeakingServlet;
import io.lumen.testing.agent.SpanAssert;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An unmodified servlet application (two filters, servlets mapped every way the specification
 * allows, forwards, includes, asynchronous servlets, failures) in each supported container, oldest
 * and newest of each line, started with the agent; and what its requests look like at the OTLP
 * receiver. One JVM per container version; every test sends its own requests to it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("containers")
class ServletContainerSmokeTest {

  record Container(String name, String kind, String api, String librarySet) {
    String scopeName() {
      return api.equals("javax") ? "io.lumen.servlet-3.0" : "io.lumen.servlet-5.0";
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Container> containers() {
    return Stream.of(
        // javax.servlet: Servlet 3.0 (Tomcat 7) to 4.0 (Tomcat 9), 3.1 (Jetty 9.4)
        new Container("Tomcat 7.0.109", "tomcat", "javax", "tomcat-7.0.109"),
        new Container("Tomcat 9.0.123", "tomcat", "javax", "tomcat-9.0.123"),
        new Container("Jetty 9.4.0", "jetty", "javax", "jetty-9.4.0.v20161208"),
        new Container("Jetty 9.4.58", "jetty", "javax", "jetty-9.4.58.v20250814"),
        // jakarta.servlet: Servlet 5.0 (Tomcat 10.0, Jetty 11) to 6.1 (Tomcat 11, Jetty 12.1).
        // Tomcat 10.1 (Servlet 6.0) runs the Spring 6.0 application in SpringWebMvcSmokeTest.
        new Container("Tomcat 10.0.0", "tomcat", "jakarta", "tomcat-10.0.0"),
        new Container("Tomcat 11.0.27", "tomcat", "jakarta", "tomcat-11.0.27"),
        new Container("Jetty 11.0.0", "jetty", "jakarta", "jetty-11.0.0"),
        new Container("Jetty 12.1.14", "jetty", "jakarta", "jetty-12.1.14"));
  }

  private static ServerUnderTest server;

  @Parameter Container container;

  @BeforeParameterizedClassInvocation
  static void startServer(Container container) {
    server =
        ServerUnderTest.start(
            container.name(),
            List.of(container.librarySet(), "opentelemetry-api-1.65.0"),
            List.of(),
            EmbeddedServer.class.getName(),
            container.kind(),
            container.api());
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @Test
  void oneServerSpanThroughFiltersAndServletFollowingHttpConventions() {
    String traceId = newTraceId();
    String parentSpanId = newSpanId();
    HttpResponse<String> response =
        server.getTraced("/hello?name=lumen", traceId,
            parentSpanId,
            "User-Agent",
            "smoke-test/1.0",
            CAPTURED_REQUEST_HEADER,
            "captured");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");

    ReceivedTrace trace = server.onlyServerSpanOf(traceId);
    SpanAssert span = TraceAssert.assertThat(trace).hasServerSpan("GET /hello");
    span.isNotError()
        .hasScopeName(container.scopeName())
        .hasAttribute("http.request.method", "GET")
        .hasAttribute("http.route", "/hello")
        .hasAttribute("url.path", "/hello")
        .hasAttribute("url.query", "name=lumen")
        .hasAttribute("url.scheme", "http")
        .hasAttribute("http.response.status_code", 200L)
        .hasAttribute("server.address", "127.0.0.1")
        .hasAttribute("server.port", (long) server.port())
        .hasAttribute("client.address", "127.0.0.1")
        .hasAttribute("network.peer.address", "127.0.0.1")
        .hasAttribute("network.protocol.version", "1.1")
        .hasAttribute("user_agent.original", "smoke-test/1.0")
        .hasAttribute("http.request.header.x-test-header", List.of("captured"))
        .hasAttribute("http.response.header.x-served-by", List.of("servlet-app"))
        .doesNotHaveAttribute("error.type");
    assertThat(span.span().parentSpanId()).isEqualTo(parentSpanId);
  }

  @Test
  void pathPrefixMappingIsTheRouteNotThePath() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/users/42", traceId, newSpanId()).statusCode()).isEqualTo(200);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /users/*")
        .hasAttribute("http.route", "/users/*")
        .hasAttribute("url.path", "/users/42");
  }

  @Test
  void notFoundIsNotAnErrorAndNamesTheDefaultMapping() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/no/such/page", traceId, newSpanId()).statusCode()).isEqualTo(404);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /*")
        .isNotError()
        .hasAttribute("http.route", "/*")
        .hasAttribute("url.path", "/no/such/page")
        .hasAttribute("http.response.status_code", 404L);
  }

  /** No filter or servlet runs for this request: Tomcat answers it alone, still with a span. */
  @Test
  void pathOfAWebApplicationWithoutServletsStillHasASpan() {
    Assumptions.assumeTrue(
        container.kind().equals("tomcat"),
        "Jetty serves every path through a servlet (its own default servlet answers 404)");
    String traceId = newTraceId();
    assertThat(server.getTraced("/bare/nothing", traceId, newSpanId()).statusCode())
        .isEqualTo(404);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET")
        .isNotError()
        .doesNotHaveAttribute("http.route")
        .hasAttribute("url.path", "/bare/nothing")
        .hasAttribute("http.response.status_code", 404L);
  }

  @Test
  void exceptionBecomesAnErrorSpanWithTheExceptionAnd500() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/fail", traceId, newSpanId()).statusCode()).isEqualTo(500);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /fail")
        .isError()
        .hasAttribute("http.response.status_code", 500L)
        // the conventions prefer the status the client got over the exception's type
        .hasAttribute("error.type", "500")
        .hasException("java.lang.IllegalStateException");
  }

  /** A method outside the conventions' list must not become an unbounded attribute value. */
  @Test
  void unknownMethodIsReportedAsOther() {
    String traceId = newTraceId();
    HttpResponse<String> response =
        server.send(
            "PURGE", "/hello", "traceparent", "00-" + traceId + "-" + newSpanId() + "-01");
    // HttpServlet answers methods it does not know with 501
    assertThat(response.statusCode()).isEqualTo(501);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("HTTP /hello")
        .hasAttribute("http.request.method", "_OTHER")
        .hasAttribute("http.request.method_original", "PURGE")
        .hasAttribute("http.response.status_code", 501L);
  }

  @Test
  void forwardAndIncludeStayInTheOneServerSpan() {
    String forwarded = newTraceId();
    HttpResponse<String> forward = server.getTraced("/forward", forwarded, newSpanId());
    assertThat(forward.body()).isEqualTo("hello");
    TraceAssert.assertThat(server.onlyServerSpanOf(forwarded))
        .hasServerSpan("GET /forward")
        .hasAttribute("http.route", "/forward")
        .hasAttribute("http.response.status_code", 200L);

    String included = newTraceId();
    HttpResponse<String> include = server.getTraced("/include", included, newSpanId());
    assertThat(include.body()).isEqualTo("hello");
    TraceAssert.assertThat(server.onlyServerSpanOf(included))
        .hasServerSpan("GET /include")
        .hasAttribute("http.route", "/include");
  }

  @Test
  void asyncServletSpanEndsWhenTheResponseIsComplete() {
    String traceId = newTraceId();
    HttpResponse<String> response = server.getTraced("/async", traceId, newSpanId());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("async");

    ReceivedSpan span =
        TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
            .hasServerSpan("GET /async")
            .isNotError()
            .hasAttribute("http.response.status_code", 200L)
            .span();
    // the worker answers 50 ms after the servlet returned; the span covers that
    assertThat(span.duration()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(50));
  }

  @Test
  void asyncDispatchToAnotherServletStaysInTheOneServerSpan() {
    String traceId = newTraceId();
    HttpResponse<String> response = server.getTraced("/async-dispatch", traceId, newSpanId());
    assertThat(response.body()).isEqualTo("hello");

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /async-dispatch")
        .hasAttribute("http.route", "/async-dispatch")
        .hasAttribute("http.response.status_code", 200L);
  }

  /**
   * Requests without a {@code traceparent}, on the same few pooled threads as requests with one,
   * are each the root of a trace of their own: nothing of an earlier request's context remains on
   * a thread.
   */
  @Test
  void contextDoesNotLeakFromOneRequestToTheNext() {
    for (int i = 0; i < 6; i++) {
      String traceId = newTraceId();
      server.getTraced("/hello?traced=" + i, traceId, newSpanId());
      server.get("/users/untraced-" + i);
    }
    List<ReceivedSpan> untraced =
        server
            .receiver()
            .awaitSpans(
                span -> String.valueOf(span.attribute("url.path")).contains("untraced"),
                6,
                TIMEOUT);
    assertThat(untraced).hasSize(6).allSatisfy(span -> SpanAssert.assertThat(span).isRoot());
    assertThat(untraced.stream().map(ReceivedSpan::traceId).distinct()).hasSize(6);
  }

  /**
   * An application that leaves its own context current on the container's threads (a scope it
   * never closes) does not make later requests on those threads part of that context's trace: each
   * request starts from the root context. Every request here leaks, on at most a dozen threads, so
   * most of them arrive on a thread an earlier one left dirty.
   */
  @Test
  void contextLeakedByTheApplicationDoesNotBecomeTheNextRequestsParent() {
    for (int i = 0; i < 16; i++) {
      String query = "leak=" + i;
      String currentTraceId = server.get("/leaky?" + query).body();

      ReceivedSpan span =
          server.receiver().awaitSpan(s -> query.equals(s.attribute("url.query")), TIMEOUT);
      SpanAssert.assertThat(span).isServer().isRoot();
      assertThat(span.traceId()).isNotEqualTo(ContextLeakingServlet.LEAKED_TRACE_ID);
      // the application saw the request's server span as current, not what it leaked earlier
      assertThat(currentTraceId).isEqualTo(span.traceId());
    }
  }

  @Test
  void durationAndActiveRequestsMetricsCarryOnlyLowCardinalityAttributes() {
    server.get("/users/1");
    server.get("/users/2");
    server.get("/fail");

    ReceivedMetric duration =
        server
            .receiver()
            .awaitMetric(
                metric ->
                    metric.name().equals("http.server.request.duration")
                        && metric.pointWithAttribute("http.route", "/users/*").isPresent()
                        && metric.pointWithAttribute("http.route", "/fail").isPresent(),
                TIMEOUT);
    assertThat(duration.unit()).isEqualTo("s");
    assertThat(duration.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
    assertThat(duration.scopeName()).isEqualTo(container.scopeName());
    ReceivedDataPoint users = duration.pointWithAttribute("http.route", "/users/*").get();
    assertThat(users.count()).isGreaterThanOrEqualTo(2);
    assertThat(users.explicitBounds()).startsWith(0.005, 0.01, 0.025, 0.05);
    assertThat(users.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("url.scheme", "http")
        .doesNotContainKeys("url.path", "url.query", "client.address", "user_agent.original");
    assertThat(duration.pointWithAttribute("http.route", "/fail").get().attributes())
        .containsEntry("http.response.status_code", 500L)
        .containsEntry("error.type", "500");

    // every request has ended, so the up-down counter is back to zero
    ReceivedMetric active =
        server
            .receiver()
            .awaitMetric(
                metric ->
                    metric.name().equals("http.server.active_requests")
                        && metric.points().stream()
                            .allMatch(point -> point.longValue() == 0),
                TIMEOUT);
    assertThat(active.type()).isEqualTo(ReceivedMetric.Type.SUM);
    assertThat(active.monotonic()).isFalse();
    assertThat(active.points().get(0).attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.scheme", "http")
        .doesNotContainKeys("url.path", "http.route", "http.response.status_code");
  }
}
