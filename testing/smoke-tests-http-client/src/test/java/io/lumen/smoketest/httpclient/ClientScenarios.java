package io.lumen.smoketest.httpclient;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@code ScenarioApp} with the agent and finds what each of its scenarios produced at the
 * receiver: the scenario's CLIENT span (by the {@code scenario=<name>} its URL ends with) and the
 * SERVER spans under it.
 */
final class ClientScenarios {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern SCENARIO_LINE = Pattern.compile("SCENARIO (\\S+) (\\S+)");

  private final OtlpReceiver receiver;
  private final String output;

  private ClientScenarios(OtlpReceiver receiver, String output) {
    this.receiver = receiver;
    this.output = output;
  }

  /**
   * Runs {@code app} to its end with the agent, the given library jars on its class path, request
   * header {@code X-Request-Id} and response header {@code X-Answer} captured.
   */
  static ClientScenarios run(
      OtlpReceiver receiver, Class<?> app, List<Path> libraries, ForkedJvmBuilder builder) {
    try (ForkedJvm jvm =
        builder
            .mainClass(app)
            .addClassPathOf(app)
            .addClassPath(libraries)
            .systemProperty(
                "otel.instrumentation.http.client.capture-request-headers", "X-Request-Id")
            .systemProperty("otel.instrumentation.http.client.capture-response-headers", "X-Answer")
            .exportTo(receiver, OtlpProtocol.GRPC)
            .start()) {
      assertThat(jvm.waitForExit(Duration.ofMinutes(2))).as(jvm.describeOutput()).isZero();
      assertThat(jvm.stdout()).as(jvm.describeOutput()).contains("DONE");
      assertThat(jvm.stderr())
          .as("the application runs as without the agent")
          .doesNotContain("NoSuchMethodError")
          .doesNotContain("NoClassDefFoundError")
          .doesNotContain("ClassCastException");
      return new ClientScenarios(receiver, jvm.stdout());
    }
  }

  /** Jars that maven-dependency-plugin copied into {@code target/test-libs}. */
  static List<Path> testLibraries(String... fileNames) {
    List<Path> jars = new ArrayList<>();
    for (String fileName : fileNames) {
      Path jar = Paths.get("target", "test-libs", fileName).toAbsolutePath();
      assertThat(jar).as("copied by maven-dependency-plugin").exists();
      jars.add(jar);
    }
    return jars;
  }

  /** Whether the application ran the scenario at all. */
  boolean hasRun(String scenario) {
    Matcher matcher = SCENARIO_LINE.matcher(output);
    while (matcher.find()) {
      if (matcher.group(1).equals(scenario)) {
        return true;
      }
    }
    return false;
  }

  /** What the application printed for the scenario: {@code status=200}, {@code error=...}. */
  String outcome(String scenario) {
    Matcher matcher = SCENARIO_LINE.matcher(output);
    while (matcher.find()) {
      if (matcher.group(1).equals(scenario)) {
        return matcher.group(2);
      }
    }
    throw new AssertionError("scenario " + scenario + " did not run:\n" + output);
  }

  /** The scenario's one CLIENT span; fails if there is none or more than one. */
  ReceivedSpan clientSpan(String scenario) {
    ReceivedSpan span = receiver.awaitSpan(s -> isClientSpanOf(s, scenario), TIMEOUT);
    assertThat(receiver.spans(s -> isClientSpanOf(s, scenario)))
        .as("CLIENT spans of scenario " + scenario)
        .containsExactly(span);
    return span;
  }

  /** The SERVER spans the scenario's requests produced, at least {@code count}. */
  List<ReceivedSpan> serverSpans(String scenario, int count) {
    return receiver.awaitSpans(
        s ->
            s.kind() == ReceivedSpan.Kind.SERVER
                && String.valueOf(s.attribute("url.query")).endsWith("scenario=" + scenario),
        count,
        TIMEOUT);
  }

  /**
   * The client span's trace holds just it and the {@code serverSpans} SERVER spans under it: no
   * second CLIENT span and no span of a layer above the client.
   */
  void assertTraceIsJustTheRequest(ReceivedSpan client, int serverSpans) {
    String scenario = String.valueOf(client.attribute("url.full")).replaceAll(".*scenario=", "");
    serverSpans(scenario, serverSpans);
    List<ReceivedSpan> trace = receiver.spans(s -> s.traceId().equals(client.traceId()));
    assertThat(trace)
        .as("spans of the trace of " + scenario)
        .hasSize(1 + serverSpans)
        .filteredOn(s -> s.kind() != ReceivedSpan.Kind.SERVER)
        .containsExactly(client);
  }

  private static boolean isClientSpanOf(ReceivedSpan span, String scenario) {
    return span.kind() == ReceivedSpan.Kind.CLIENT
        && String.valueOf(span.attribute("url.full")).endsWith("scenario=" + scenario);
  }

  // ---- the scenarios every library runs

  /**
   * A 200: span {@code GET}, CLIENT, stable attributes, captured headers, and the server's span its
   * child in the same trace (which proves the context went out in the request headers).
   */
  ReceivedSpan assertOk(String scenario, String scopeName) {
    assertThat(outcome(scenario)).isEqualTo("status=200");
    ReceivedSpan client = clientSpan(scenario);
    assertThat(client)
        .hasName("GET")
        .isClient()
        .isNotError()
        .hasScopeName(scopeName)
        .hasAttribute("http.request.method", "GET")
        .hasAttribute("http.response.status_code", 200L)
        .hasAttribute("server.address", "127.0.0.1")
        .hasAttribute("network.protocol.version", "1.1")
        .hasAttribute("http.request.header.x-request-id", List.of("r-1"))
        .hasAttribute("http.response.header.x-answer", List.of("42"))
        .doesNotHaveAttribute("http.request.resend_count");
    assertThat(client.attribute("url.full").toString())
        .matches("http://127\\.0\\.0\\.1:\\d+/ok\\?scenario=" + scenario);
    assertThat((Long) client.attribute("server.port")).isPositive();
    assertServerChildOf(client, scenario);
    return client;
  }

  /** A 4xx or 5xx the client returned as a response: ERROR, error.type the status, no exception. */
  ReceivedSpan assertErrorStatus(String scenario, int status) {
    ReceivedSpan client = clientSpan(scenario);
    assertThat(client)
        .hasName("GET")
        .isError()
        .hasAttribute("http.response.status_code", (long) status)
        .hasAttribute("error.type", String.valueOf(status));
    assertThat(client.events()).noneMatch(e -> e.name().equals("exception"));
    assertServerChildOf(client, scenario);
    return client;
  }

  /** A followed redirect: one span for both requests, resend count 1, final status. */
  ReceivedSpan assertRedirectFollowed(String scenario) {
    assertThat(outcome(scenario)).isEqualTo("status=200");
    ReceivedSpan client = clientSpan(scenario);
    assertThat(client)
        .isNotError()
        .hasAttribute("http.response.status_code", 200L)
        .hasAttribute("http.request.resend_count", 1L);
    assertThat(client.attribute("url.full").toString()).contains("/redirect?");
    List<ReceivedSpan> servers = serverSpans(scenario, 2);
    assertThat(servers).hasSize(2).allSatisfy(server -> assertThat(server).isChildOf(client));
    assertThat(servers)
        .extracting(s -> s.attribute("url.path"))
        .containsExactlyInAnyOrder("/redirect", "/ok");
    return client;
  }

  /** A failure before any response (timeout, refused connection): ERROR with the exception. */
  ReceivedSpan assertFailed(String scenario, String exceptionType) {
    assertThat(outcome(scenario)).startsWith("error=");
    ReceivedSpan client = clientSpan(scenario);
    assertThat(client)
        .isError()
        .hasAttribute("error.type", exceptionType)
        .hasException(exceptionType)
        .doesNotHaveAttribute("http.response.status_code");
    return client;
  }

  void assertServerChildOf(ReceivedSpan client, String scenario) {
    assertThat(serverSpans(scenario, 1))
        .singleElement()
        .satisfies(server -> assertThat(server).isChildOf(client));
  }

  /**
   * {@code http.client.request.duration} from the scope, with a point per status and only the
   * conventions' low-cardinality attributes.
   */
  void assertDurationMetric(String scopeName) {
    ReceivedMetric duration =
        receiver.awaitMetric(
            m ->
                m.name().equals("http.client.request.duration")
                    && m.scopeName().equals(scopeName)
                    && m.pointWithAttribute("http.response.status_code", 200L).isPresent()
                    && m.pointWithAttribute("http.response.status_code", 404L).isPresent(),
            TIMEOUT);
    assertThat(duration.unit()).isEqualTo("s");
    assertThat(duration.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
    ReceivedDataPoint ok = duration.pointWithAttribute("http.response.status_code", 200L).get();
    assertThat(ok.explicitBounds()).startsWith(0.005, 0.01, 0.025).endsWith(7.5, 10.0);
    assertThat(ok.attributes().keySet())
        .contains("http.request.method", "server.address", "server.port")
        .allSatisfy(
            key ->
                assertThat(key)
                    .isIn(
                        "http.request.method",
                        "http.response.status_code",
                        "error.type",
                        "server.address",
                        "server.port",
                        "network.protocol.name",
                        "network.protocol.version",
                        "url.scheme"));
    Map<String, Object> failed =
        duration.points().stream()
            .map(ReceivedDataPoint::attributes)
            .filter(a -> a.get("error.type") != null && !(a.get("error.type") + "").matches("\\d+"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no point for a failed request in " + duration));
    assertThat(failed).doesNotContainKey("http.response.status_code");
  }
}
