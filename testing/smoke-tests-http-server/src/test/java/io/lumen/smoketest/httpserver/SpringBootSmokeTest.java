package io.lumen.smoketest.httpserver;

import static io.lumen.smoketest.httpserver.ServerUnderTest.TIMEOUT;
import static io.lumen.smoketest.httpserver.ServerUnderTest.newSpanId;
import static io.lumen.smoketest.httpserver.ServerUnderTest.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpserver.apps.boot.SpringBootApp;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.ReceivedMetric;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Spring Boot 3 web application (embedded Tomcat, Spring Web MVC, Boot's error handling), oldest
 * and newest 3.x, with the agent: one server span per request named after the handler pattern, also
 * when Boot's error page handles a failure in a second dispatch.
 */
@ParameterizedClass(name = "Spring Boot {0}")
@ValueSource(strings = {"3.0.0", "3.5.16"})
class SpringBootSmokeTest {

  private static ServerUnderTest server;

  @Parameter String bootVersion;

  @BeforeParameterizedClassInvocation
  static void startServer(String bootVersion) {
    server =
        ServerUnderTest.start(
            "Spring Boot " + bootVersion,
            List.of("spring-boot-" + bootVersion),
            List.of(),
            SpringBootApp.class.getName());
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @Test
  void serverSpanIsNamedAfterTheHandlerPattern() {
    String traceId = newTraceId();
    String parentSpanId = newSpanId();
    HttpResponse<String> response = server.getTraced("/greetings/boot", traceId, parentSpanId);
    assertThat(response.body()).isEqualTo("hello boot");

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /greetings/{name}")
        .isNotError()
        .hasServiceName("Spring-Boot-" + bootVersion)
        .hasScopeName("io.lumen.servlet-5.0")
        .hasAttribute("http.route", "/greetings/{name}")
        .hasAttribute("url.path", "/greetings/boot")
        .hasAttribute("http.response.status_code", 200L)
        .hasAttribute("server.port", (long) server.port())
        .hasAttribute("network.protocol.version", "1.1");
  }

  @Test
  void asyncHandlerStaysInTheOneServerSpan() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/greetings/boot/async", traceId, newSpanId()).body())
        .isEqualTo("later boot");

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /greetings/{name}/async")
        .hasAttribute("http.response.status_code", 200L);
  }

  /** Boot answers a failure by dispatching to its /error controller: still one span. */
  @Test
  void failureHandledByTheErrorPageIsStillOneServerSpan() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/explode", traceId, newSpanId()).statusCode()).isEqualTo(500);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /explode")
        .isError()
        .hasAttribute("http.route", "/explode")
        .hasAttribute("http.response.status_code", 500L)
        .hasException("java.lang.IllegalStateException");
  }

  @Test
  void notFoundIsNotAnErrorAndNamesATemplate() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/nothing/here", traceId, newSpanId()).statusCode())
        .isEqualTo(404);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /**")
        .isNotError()
        .hasAttribute("http.route", "/**")
        .hasAttribute("http.response.status_code", 404L);
  }

  @Test
  void durationAndActiveRequestsMetrics() {
    server.get("/greetings/metrics");
    ReceivedMetric duration =
        server
            .receiver()
            .awaitMetric(
                metric ->
                    metric.name().equals("http.server.request.duration")
                        && metric.pointWithAttribute("http.route", "/greetings/{name}")
                            .isPresent(),
                TIMEOUT);
    assertThat(duration.pointWithAttribute("http.route", "/greetings/{name}").get().attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.response.status_code", 200L)
        .doesNotContainKey("url.path");
    server.receiver().awaitMetric("http.server.active_requests", TIMEOUT);
  }
}
