package io.lumen.smoketest.otelapi;

import static io.lumen.testing.agent.TraceAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedDataPoint;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application that uses its own OpenTelemetry API jar, with the agent attached: its spans and
 * the agent's are one trace in both directions, its context is the agent's, its global propagators
 * are the agent's, and (from API 1.10 on) its meters and tracer builders are the agent's. Run
 * against the oldest and the newest API release the bridge supports (for metrics, the first release
 * that had them): real jars from Maven Central on the application's class path.
 */
class ApplicationOpenTelemetryApiSmokeTest {

  private static final String OLDEST = "1.0.1";
  private static final String FIRST_WITH_METRICS = "1.10.1";
  private static final String NEWEST = "1.65.0";
  private static final String SERVICE = "otel-api-app";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final Map<String, AppRun> runs = new ConcurrentHashMap<>();
  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  /**
   * The application's root span is the parent of the agent's server span (the context crossed the
   * wire through the application's global propagators), the server span is {@code Span.current()}
   * in the handler, and the application's span there is its child.
   */
  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {OLDEST, NEWEST})
  void applicationAndAgentSpansFormOneTraceAcrossHttp(String apiVersion) {
    AppRun run = run(apiVersion);
    ReceivedTrace trace = receiver.awaitTrace(inTrace(run.result("app.call.traceId")), 3, TIMEOUT);

    assertThat(trace).hasSpanCount(3).hasNoMissingParents();
    ReceivedSpan server =
        assertThat(trace)
            .hasRootSpan("app.call")
            .isClient()
            .hasScopeName(OtelApiApp.SCOPE)
            .hasStatus(ReceivedSpan.StatusCode.OK)
            .hasChild("GET")
            .isServer()
            .hasAttribute("url.path", "/work/http")
            .hasAttribute("app.annotated", true)
            .span();
    assertThat(run.result("http.response"))
        .isEqualTo("server=" + server.traceId() + "/" + server.spanId() + " valid=true");

    assertThat(trace)
        .hasInternalSpan("app.handle")
        .isChildOf(server)
        .hasScopeName(OtelApiApp.SCOPE)
        .hasAttribute("app.request.id", 42L)
        .hasAttribute("app.path", "/work/http")
        .hasAttribute("app.baggage", "acme")
        .hasEvent("app.loaded")
        .hasStatus(ReceivedSpan.StatusCode.ERROR);
    ReceivedSpan handle = trace.span("app.handle").orElseThrow();
    assertThat(handle.statusMessage()).isEqualTo("simulated failure");
    assertThat(handle.event("app.loaded").attribute("app.item")).isEqualTo("widget");

    for (ReceivedSpan span : trace.spans()) {
      assertThat(span.serviceName()).isEqualTo(SERVICE);
      assertThat(span.resourceAttribute("telemetry.distro.name")).isEqualTo("lumen");
    }
  }

  /**
   * With the application's span current, the agent's server span (started in the same thread, with
   * no headers to go by) is its child: the application's context is the agent's.
   */
  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {OLDEST, NEWEST})
  void agentSpanIsChildOfTheApplicationsCurrentSpan(String apiVersion) {
    AppRun run = run(apiVersion);
    ReceivedTrace trace =
        receiver.awaitTrace(inTrace(run.result("app.in-process.traceId")), 3, TIMEOUT);

    assertThat(trace)
        .hasSpanCount(3)
        .hasNoMissingParents()
        .hasRootSpan("app.in-process")
        .isInternal()
        .hasChild("GET")
        .isServer()
        .hasAttribute("url.path", "/work/in-process")
        .hasChild("app.handle")
        .hasAttribute("app.path", "/work/in-process")
        .hasAttribute("app.baggage", "null");
    assertThat(run.result("in-process.current.restored")).isEqualTo("true");
    assertThat(run.result("afterwards.current.valid")).isEqualTo("false");
  }

  /**
   * An application that registers its own SDK globally (twice, even) is not broken by the agent,
   * and its global tracer stays the agent's.
   */
  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {OLDEST, NEWEST})
  void applicationsGlobalSetIsIgnored(String apiVersion) {
    AppRun run = run(apiVersion);

    assertThat(run.result("set")).isEqualTo("ignored");
    assertThat(run.result("global.tracing")).isEqualTo("true");
    assertThat(run.result("isSet")).isEqualTo(apiVersion.equals(OLDEST) ? "absent" : "true");
  }

  /**
   * From API 1.10 on, the application's meters are the agent's: every kind of instrument, callbacks
   * included, is exported by the agent with its resource and the application's scope.
   */
  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {FIRST_WITH_METRICS, NEWEST})
  void applicationMetricsAreExportedByTheAgent(String apiVersion) {
    String service = "otel-metrics-" + apiVersion;
    try (ForkedJvm app = startMetricsApp(apiVersion, service)) {
      app.waitForOutput("DONE", TIMEOUT);

      ReceivedMetric orders = awaitMetric(service, "app.orders", point -> point.longValue() == 5);
      assertThat(orders.type()).isEqualTo(ReceivedMetric.Type.SUM);
      assertThat(orders.monotonic()).isTrue();
      assertThat(orders.unit()).isEqualTo("{order}");
      assertThat(orders.description()).isEqualTo("Orders placed");
      assertThat(orders.scopeName()).isEqualTo(OtelMetricsApp.METER);
      assertThat(orders.scopeVersion()).isEqualTo("1.2");
      assertThat(orders.pointWithAttribute("app.region", "eu").orElseThrow().longValue())
          .isEqualTo(5);
      assertThat(orders.pointWithAttribute("app.region", "us").orElseThrow().longValue())
          .isEqualTo(1);

      assertThat(awaitMetric(service, "app.revenue", point -> point.doubleValue() == 12.5).unit())
          .isEqualTo("EUR");
      assertThat(
              awaitMetric(service, "app.queue.depth", point -> point.longValue() == 3).monotonic())
          .isFalse();
      ReceivedMetric latency = awaitMetric(service, "app.latency", point -> point.count() == 2);
      assertThat(latency.type()).isEqualTo(ReceivedMetric.Type.HISTOGRAM);
      assertThat(latency.points().get(0).sum()).isCloseTo(0.4, within(1e-9));
      assertThat(
              awaitMetric(service, "app.payload.size", point -> point.count() == 1)
                  .points()
                  .get(0)
                  .sum())
          .isEqualTo(100.0);

      ReceivedMetric temperature =
          awaitMetric(service, "app.temperature", point -> point.doubleValue() == 21.5);
      assertThat(temperature.type()).isEqualTo(ReceivedMetric.Type.GAUGE);
      assertThat(temperature.points().get(0).attribute("app.region")).isEqualTo("lab");
      assertThat(awaitMetric(service, "app.ticks", point -> point.longValue() == 7).monotonic())
          .isTrue();
      awaitMetric(service, "app.connections", point -> point.longValue() == 4);
    }
  }

  /** {@code tracerBuilder} (whose API default builds no-op tracers) builds the agent's tracers. */
  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {FIRST_WITH_METRICS, NEWEST})
  void tracerBuilderBuildsAgentTracers(String apiVersion) {
    String service = "otel-tracer-builder-" + apiVersion;
    try (ForkedJvm app = startMetricsApp(apiVersion, service)) {
      app.waitForOutput("DONE", TIMEOUT);

      ReceivedSpan span =
          receiver.awaitSpan(
              s -> s.name().equals("app.built-tracer") && s.serviceName().equals(service), TIMEOUT);
      assertThat(span.scopeName()).isEqualTo(OtelMetricsApp.TRACER);
      assertThat(span.scopeVersion()).isEqualTo("3.1");
    }
  }

  /** The first export of {@code service}'s metric {@code name} with a point that matches. */
  private static ReceivedMetric awaitMetric(
      String service, String name, Predicate<ReceivedDataPoint> point) {
    return receiver.awaitMetric(
        metric ->
            metric.name().equals(name)
                && service.equals(metric.resourceAttribute("service.name"))
                && metric.points().stream().anyMatch(point),
        TIMEOUT);
  }

  private static ForkedJvm startMetricsApp(String apiVersion, String service) {
    return ForkedJvm.builder()
        .mainClass(OtelMetricsApp.class)
        .addClassPathOf(OtelMetricsApp.class)
        .addClassPath(apiJars(apiVersion))
        .serviceName(service)
        .exportTo(receiver, OtlpProtocol.GRPC)
        .environment("OTEL_LOGS_EXPORTER", "none")
        .name("otel-metrics-" + apiVersion)
        .start();
  }

  private static Predicate<ReceivedSpan> inTrace(String traceId) {
    return span -> span.traceId().equals(traceId);
  }

  /** Runs the application once per API version; the tests share its output and spans. */
  private static AppRun run(String apiVersion) {
    return runs.computeIfAbsent(apiVersion, ApplicationOpenTelemetryApiSmokeTest::startAndFinish);
  }

  private static AppRun startAndFinish(String apiVersion) {
    try (ForkedJvm app =
        ForkedJvm.builder()
            .mainClass(OtelApiApp.class)
            .addClassPathOf(OtelApiApp.class)
            .addClassPath(apiJars(apiVersion))
            .serviceName(SERVICE)
            .exportTo(receiver, OtlpProtocol.GRPC)
            .environment("OTEL_METRICS_EXPORTER", "none")
            .environment("OTEL_LOGS_EXPORTER", "none")
            .name("otel-api-" + apiVersion)
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as(app.describeOutput()).isZero();
      assertThat(app.stdout()).as(app.describeOutput()).contains("DONE");
      return new AppRun(app.stdout());
    }
  }

  /** The application's own API: real release jars copied to target/test-libs by the pom. */
  private static List<Path> apiJars(String version) {
    List<Path> jars = new ArrayList<>();
    for (String artifact :
        List.of("opentelemetry-api", "opentelemetry-context", "opentelemetry-common")) {
      Path jar =
          Paths.get("target", "test-libs", artifact + "-" + version + ".jar").toAbsolutePath();
      if (Files.isRegularFile(jar)) {
        jars.add(jar);
      }
    }
    assertThat(jars)
        .as("opentelemetry-api %s in target/test-libs (maven-dependency-plugin copies it)", version)
        .isNotEmpty();
    return jars;
  }

  /** What one run of the application printed as {@code RESULT key=value} lines. */
  private record AppRun(String stdout) {
    private static final Pattern RESULT =
        Pattern.compile("^RESULT ([^=]+)=(.*)$", Pattern.MULTILINE);

    String result(String key) {
      Matcher matcher = RESULT.matcher(stdout);
      while (matcher.find()) {
        if (matcher.group(1).equals(key)) {
          return matcher.group(2).trim();
        }
      }
      throw new AssertionError("the application printed no result " + key + ":\n" + stdout);
    }
  }
}
