package io.lumen.smoketest.httpserver;

import static io.lumen.smoketest.httpserver.ServerUnderTest.TIMEOUT;
import static io.lumen.smoketest.httpserver.ServerUnderTest.newSpanId;
import static io.lumen.smoketest.httpserver.ServerUnderTest.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpserver.apps.EmbeddedServer;
import io.lumen.testing.agent.TraceAssert;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Spring Web MVC application (a {@code DispatcherServlet} with annotated controllers, no Spring
 * Boot) in Tomcat, oldest and newest Spring 5 ({@code javax.servlet}) and 6 ({@code
 * jakarta.servlet}), with the agent: the server span is named after the handler's pattern.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("springVersions")
class SpringWebMvcSmokeTest {

  record SpringVersion(String name, String api, List<String> librarySets, List<String> jvmArgs) {
    String scopeName() {
      return api.equals("javax") ? "io.lumen.servlet-3.0" : "io.lumen.servlet-5.0";
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SpringVersion> springVersions() {
    return Stream.of(
        // Spring 5.0 predates Java 17's strong encapsulation: its proxies need java.lang opened
        new SpringVersion(
            "Spring 5.0.0 on Tomcat 9",
            "javax",
            List.of("tomcat-9.0.123", "spring-5.0.0.RELEASE"),
            List.of("--add-opens=java.base/java.lang=ALL-UNNAMED")),
        new SpringVersion(
            "Spring 5.3.39 on Tomcat 9",
            "javax",
            List.of("tomcat-9.0.123", "spring-5.3.39"),
            List.of()),
        new SpringVersion(
            "Spring 6.0.0 on Tomcat 10.1",
            "jakarta",
            List.of("tomcat-10.1.61", "spring-6.0.0"),
            List.of()),
        new SpringVersion(
            "Spring 6.2.19 on Tomcat 11",
            "jakarta",
            List.of("tomcat-11.0.27", "spring-6.2.19"),
            List.of()));
  }

  private static ServerUnderTest server;

  @Parameter SpringVersion version;

  @BeforeParameterizedClassInvocation
  static void startServer(SpringVersion version) {
    server =
        ServerUnderTest.start(
            version.name(),
            version.librarySets(),
            version.jvmArgs(),
            EmbeddedServer.class.getName(),
            "tomcat",
            version.api(),
            "spring");
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @Test
  void serverSpanIsNamedAfterTheHandlerPattern() {
    String traceId = newTraceId();
    String parentSpanId = newSpanId();
    HttpResponse<String> response = server.getTraced("/greetings/lumen", traceId, parentSpanId);
    assertThat(response.body()).isEqualTo("hello lumen");

    ReceivedSpan span =
        TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
            .hasServerSpan("GET /greetings/{name}")
            .isNotError()
            .hasScopeName(version.scopeName())
            .hasAttribute("http.route", "/greetings/{name}")
            .hasAttribute("url.path", "/greetings/lumen")
            .hasAttribute("http.response.status_code", 200L)
            .span();
    assertThat(span.parentSpanId()).isEqualTo(parentSpanId);
  }

  @Test
  void asyncHandlerStaysInTheOneServerSpan() {
    String traceId = newTraceId();
    HttpResponse<String> response =
        server.getTraced("/greetings/lumen/async", traceId, newSpanId());
    assertThat(response.body()).isEqualTo("later lumen");

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /greetings/{name}/async")
        .hasAttribute("http.response.status_code", 200L);
  }

  @Test
  void controllerExceptionIsRecordedUnwrapped() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/explode", traceId, newSpanId()).statusCode()).isEqualTo(500);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /explode")
        .isError()
        .hasAttribute("http.response.status_code", 500L)
        .hasException("java.lang.IllegalStateException");
  }

  @Test
  void unmatchedPathNamesATemplateNeverThePath() {
    String traceId = newTraceId();
    assertThat(server.getTraced("/nothing/here", traceId, newSpanId()).statusCode())
        .isEqualTo(404);

    TraceAssert.assertThat(server.onlyServerSpanOf(traceId))
        .hasServerSpan("GET /*")
        .isNotError()
        .hasAttribute("http.route", "/*")
        .hasAttribute("http.response.status_code", 404L);
  }

  @Test
  void durationMetricCarriesTheHandlerRoute() {
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
  }
}
