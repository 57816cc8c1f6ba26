package io.lumen.smoketest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.ExportRequest;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.Signal;
import io.lumen.testing.receiver.XraySamplingEndpoint;
import io.lumen.testing.receiver.XraySamplingEndpoint.Rule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every propagator and sampler the Instrumentation resource accepts (its CRD's enums), injected by
 * the operator into the example pod: the agent starts cleanly with each, exports, and follows it.
 * Also the protocol rule: the operator never sets {@code OTEL_EXPORTER_OTLP_PROTOCOL}.
 *
 * <p>Each pod is stopped before its telemetry is checked: stopping flushes everything, so what
 * did not arrive was never exported.
 */
class AgentStartupSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern AGENT_LOG_LINE = Pattern.compile("(?m)^\\[lumen [^\\]]*\\] \\[[^\\]]*\\] (\\w+) .*$");

  @TempDir static Path directory;
  private static AgentImage image;
  private static NodeLocalCollector collector;
  private static final AtomicInteger pods = new AtomicInteger();

  @BeforeAll
  static void startCollector() throws IOException {
    image = AgentImage.build(directory);
    collector = NodeLocalCollector.start();
  }

  @AfterAll
  static void stopCollector() {
    collector.close();
  }

  @BeforeEach
  void clearReceived() {
    collector.receiver().reset();
  }

  /**
   * A propagator of the CRD, the headers a caller using it sends, and the trace those headers
   * carry (null when the server span must start a new trace).
   */
  static Stream<Arguments> propagators() {
    return Stream.of(
        Arguments.of("tracecontext",
            Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            "4bf92f3577b34da6a3ce929d0e0e4736"),
        Arguments.of("baggage", Map.of("baggage", "tenant=acme"), null),
        Arguments.of("b3",
            Map.of("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"),
            "80f198ee56343ba864fe8b2a57d3eff7"),
        Arguments.of("b3multi",
            Map.of("X-B3-TraceId", "463ac35c9f6413ad48485a3953bb6124",
                "X-B3-SpanId", "0020000000000001", "X-B3-Sampled", "1"),
            "463ac35c9f6413ad48485a3953bb6124"),
        Arguments.of("jaeger",
            Map.of("uber-trace-id", "5e2c7b9a1f3d4e6a8b0c1d2e3f4a5b6c:0000000000000abc:0:1"),
            "5e2c7b9a1f3d4e6a8b0c1d2e3f4a5b6c"),
        Arguments.of("xray",
            Map.of("X-Amzn-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
            "5759e988bd862e3fe1be46a994272793"),
        Arguments.of("ottrace",
            Map.of("ot-tracer-traceid", "6a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "ot-tracer-spanid", "00000000000000aa", "ot-tracer-sampled", "true"),
            "6a1b2c3d4e5f60718293a4b5c6d7e8f9"),
        // "none": no propagator at all; even a W3C header starts nothing.
        Arguments.of("none",
            Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            null));
  }

  @ParameterizedTest(name = "propagators: [{0}]")
  @MethodSource("propagators")
  void everyPropagatorStartsCleanlyAndIsFollowed(
      String propagator, Map<String, String> headers, String continuedTrace) throws Exception {
    Manifest instrumentation = exampleInstrumentation().with(List.of(propagator), "spec", "propagators");

    ReceivedSpan server;
    try (ForkedJvm app = runPod(instrumentation, "/users/1", headers, () -> {})) {
      server = collector.receiver().awaitSpan(span -> "/users/1".equals(span.attribute("url.path")), TIMEOUT);
      app.close();
      assertStartedCleanly(app.stdout() + app.stderr());
    }
    if (continuedTrace == null) {
      assertThat(server.isRoot()).as("a new trace").isTrue();
    } else {
      assertThat(server.traceId()).isEqualTo(continuedTrace);
      assertThat(server.isRoot()).isFalse();
    }
  }

  /** A sampler of the CRD, its argument, and whether a request without a parent is sampled. */
  static Stream<Arguments> samplers() {
    return Stream.of(
        Arguments.of("always_on", "", true),
        Arguments.of("always_off", "", false),
        Arguments.of("traceidratio", "1", true),
        Arguments.of("traceidratio", "0", false),
        Arguments.of("parentbased_always_on", "", true),
        Arguments.of("parentbased_always_off", "", false),
        Arguments.of("parentbased_traceidratio", "1", true),
        Arguments.of("parentbased_traceidratio", "0", false),
        // Sampled by the strategy the remote endpoint serves (rate 1), not the initial rate (0).
        Arguments.of("jaeger_remote", "pollingIntervalMs=1000,initialSamplingRate=0", true),
        // Defined by the operator though missing from its CRD's enum in some releases.
        Arguments.of("parentbased_jaeger_remote", "pollingIntervalMs=1000,initialSamplingRate=0", true));
  }

  @ParameterizedTest(name = "sampler: {0} {1}")
  @MethodSource("samplers")
  void everySamplerStartsCleanlyAndIsFollowed(String sampler, String argument, boolean sampled)
      throws Exception {
    try (JaegerSamplingStub jaeger = JaegerSamplingStub.start(1.0)) {
      String samplerArgument =
          sampler.contains("jaeger_remote") ? "endpoint=" + jaeger.endpoint() + "," + argument : argument;
      Manifest instrumentation =
          exampleInstrumentation()
              .with(sampler, "spec", "sampler", "type")
              .with(samplerArgument.isEmpty() ? null : samplerArgument, "spec", "sampler", "argument");
      // A remote strategy must be in place before the request: wait for the sampler's polls.
      Runnable beforeRequests = sampler.contains("jaeger_remote") ? () -> awaitPoll(jaeger) : () -> {};
      OtlpReceiver receiver = collector.receiver();

      try (ForkedJvm app = runPod(instrumentation, null, Map.of(), beforeRequests)) {
        // The request's duration is recorded as its span ends: once a periodic export carried
        // it, the span (if sampled) is in the span processor, and stopping the pod flushes it.
        receiver.awaitMetric(
            metric -> metric.name().equals("http.server.request.duration")
                && metric.points().stream().anyMatch(point -> point.count() > 0),
            TIMEOUT);
        String runningOutput = app.stdout() + app.stderr();
        app.close();
        // The remote sampler's poll in flight at shutdown is cancelled, with an ERROR line: only
        // its start is checked.
        assertStartedCleanly(sampler.contains("jaeger_remote") ? runningOutput : app.stdout() + app.stderr());
      }
      assertThat(receiver.spans(span -> "/users/2".equals(span.attribute("url.path"))))
          .as("spans of an unparented request with %s %s", sampler, argument)
          .hasSize(sampled ? 1 : 0);
    }
  }

  /**
   * {@code xray} against a stand-in for the collector's X-Ray sampling endpoint: one rule samples
   * {@code /users/2} of this service, the default rule nothing. The sampler's initial sampler would
   * take the first request of the second (here {@code /users/1}), so only the rules explain the
   * spans that arrive.
   */
  @Test
  void theXraySamplerFollowsTheRulesOfItsSamplingEndpoint() throws Exception {
    try (XraySamplingEndpoint xray =
        XraySamplingEndpoint.start(
            List.of(
                Rule.matchingEverything("users-service-user-2", 1, 1.0)
                    .forService("users-service")
                    .forRequests("GET", "*", "/users/2"),
                Rule.matchingEverything("Default", 10000, 0.0)))) {
      Manifest instrumentation =
          exampleInstrumentation()
              .with("xray", "spec", "sampler", "type")
              .with("endpoint=" + xray.endpoint(), "spec", "sampler", "argument");
      // The sampler asks for the targets of the rules it has put in place, ten seconds after it
      // got them: from then on they decide.
      Runnable beforeRequests =
          () -> assertThat(awaitRequest(xray, XraySamplingEndpoint.Api.SAMPLING_TARGETS))
              .contains("\"RuleName\":\"users-service-user-2\"", "\"RuleName\":\"Default\"");
      OtlpReceiver receiver = collector.receiver();

      try (ForkedJvm app = runPod(instrumentation, "/users/1", Map.of(), beforeRequests)) {
        receiver.awaitSpan(span -> "/users/2".equals(span.attribute("url.path")), TIMEOUT);
        app.close();
        assertStartedCleanly(app.stdout() + app.stderr());
      }
      assertThat(xray.requests(XraySamplingEndpoint.Api.GET_SAMPLING_RULES)).hasSize(1);
      assertThat(receiver.spans(span -> "/users/1".equals(span.attribute("url.path"))))
          .as("dropped by the Default rule")
          .isEmpty();
    }
  }

  /**
   * {@code xray} with no sampling endpoint where it points (the default is localhost:2000, rarely
   * there outside AWS): the agent starts without a word above debug level and samples with the
   * sampler's initial sampler, which takes the first trace of every second.
   */
  @Test
  void theXraySamplerWithoutItsEndpointStartsCleanlyWithItsInitialSampler() throws Exception {
    Manifest instrumentation =
        exampleInstrumentation()
            .with("xray", "spec", "sampler", "type")
            .with("endpoint=http://127.0.0.1:" + closedPort(), "spec", "sampler", "argument");

    try (ForkedJvm app = runPod(instrumentation, "/users/1", Map.of(), () -> {})) {
      collector.receiver().awaitSpan(span -> "/users/1".equals(span.attribute("url.path")), TIMEOUT);
      app.close();
      assertStartedCleanly(app.stdout() + app.stderr());
    }
  }

  @Test
  void anEndpointOnPort4317IsExportedWithGrpc() throws Exception {
    Manifest instrumentation =
        exampleInstrumentation().with("http://$(OTEL_NODE_IP):4317", "spec", "exporter", "endpoint");

    try (ForkedJvm app = runPod(instrumentation, "/users/1", Map.of(), () -> {})) {
      collector.receiver().awaitSpan(span -> "/users/1".equals(span.attribute("url.path")), TIMEOUT);
      app.close();
      assertStartedCleanly(app.stdout() + app.stderr());
    }

    collector.receiver().awaitMetric("http.server.request.duration", TIMEOUT);
    for (Signal signal : List.of(Signal.TRACES, Signal.METRICS)) {
      assertThat(collector.receiver().lastRequest(signal).map(ExportRequest::transport))
          .as(signal.toString())
          .contains(ExportRequest.Transport.GRPC);
    }
  }

  @Test
  void thePort4318ChoiceIsAnnouncedOnceInTheAgentLog() throws Exception {
    try (ForkedJvm app = runPod(exampleInstrumentation(), "/users/1", Map.of(), () -> {})) {
      collector.receiver().awaitSpan(span -> "/users/1".equals(span.attribute("url.path")), TIMEOUT);
      app.close();
      assertThat(count(app.stderr(), "uses port 4318 (OTLP/HTTP)")).isEqualTo(1);
    }
    assertThat(collector.receiver().lastRequest(Signal.TRACES).map(ExportRequest::transport))
        .contains(ExportRequest.Transport.HTTP_PROTOBUF);
  }

  static Manifest exampleInstrumentation() {
    return Manifest.find("instrumentation.yaml", "Instrumentation", "lumen");
  }

  /**
   * Admits and starts a pod of the example Deployment (without its own JAVA_TOOL_OPTIONS, so the
   * operator's value keeps its leading space), runs {@code beforeRequests}, then requests {@code
   * path} (when not null) and {@code /users/2}. The caller stops the pod.
   *
   * <p>The container sets what a team tuning its exports would: spans every 100 ms, metrics every
   * 500 ms, so that the tests need not wait for the defaults (5 s, 1 min).
   */
  private static ForkedJvm runPod(
      Manifest instrumentation, String path, Map<String, String> headers, Runnable beforeRequests)
      throws Exception {
    int number = pods.incrementAndGet();
    PodAtAdmission pod =
        PodAtAdmission.fromDeployment(
                Manifest.find("deployment.yaml", "Deployment", "users-service"),
                "7c6d5e4f3", "rs-uid-" + number, "deployment-uid")
            .withEnv(
                List.of(
                    EnvVar.literal("OTEL_BSP_SCHEDULE_DELAY", "100"),
                    EnvVar.literal("OTEL_METRIC_EXPORT_INTERVAL", "500")));
    InstrumentedPod instrumented =
        InstrumentedPod.admit(
            directory.resolve("pod-" + number),
            instrumentation,
            pod,
            new Kubelet.RunningPod(
                "users-service-7c6d5e4f3-pod" + number, "pod-uid-" + number, "worker-1",
                collector.nodeIp(), "127.0.0.1"));
    assertThat(instrumented.injection().env("JAVA_TOOL_OPTIONS").value())
        .isEqualTo(" -javaagent:/otel-auto-instrumentation-java-users-service/javaagent.jar");
    instrumented.runAgentInitContainer(image.root(), image.dockerfile().user());

    ForkedJvm app = instrumented.start(Map.of());
    try {
      int port = InstrumentedPod.awaitReady(app);
      beforeRequests.run();
      if (path != null) {
        OperatorInjectionSmokeTest.get(port, path, headers);
      }
      OperatorInjectionSmokeTest.get(port, "/users/2", Map.of());
      return app;
    } catch (Exception | AssertionError e) {
      app.close();
      throw e;
    }
  }

  private static void awaitPoll(JaegerSamplingStub jaeger) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    // The sampler polls at start and then every second; two requests prove a strategy was applied.
    while (jaeger.requests() < 2) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the jaeger_remote sampler never asked " + jaeger.endpoint());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String awaitRequest(XraySamplingEndpoint xray, XraySamplingEndpoint.Api api) {
    try {
      return xray.awaitRequest(api, TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A port of 127.0.0.1 that nothing listens on (it was free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The agent said it started, and nothing else above INFO; the JVM printed no stack trace. */
  private static void assertStartedCleanly(String output) {
    assertThat(output).contains("INFO Lumen ").contains(" started in ");
    assertThat(warningsAndErrors(output)).as(output).isEmpty();
    assertThat(output).doesNotContain("Exception").doesNotContain("Sharing is only supported");
  }

  private static List<String> warningsAndErrors(String output) {
    Matcher line = AGENT_LOG_LINE.matcher(output);
    List<String> problems = new ArrayList<>();
    while (line.find()) {
      if (!line.group(1).equals("INFO") && !line.group(1).equals("DEBUG")) {
        problems.add(line.group());
      }
    }
    return problems;
  }

  private static int count(String text, String part) {
    return (int) Arrays.stream(text.split("\\R")).filter(l -> l.contains(part)).count();
  }
}
