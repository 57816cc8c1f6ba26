package io.lumen.smoketest.grpc;

import static io.lumen.testing.agent.TelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An unmodified application that is both a gRPC server and its client, with the agent, at the
 * oldest (1.6) and newest supported gRPC Java: CLIENT and SERVER spans of each call, the trace
 * context carried in the call's metadata, and the RPC duration metrics.
 */
class GrpcSmokeTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static ReceivedTrace request(List<ReceivedSpan> spans, String scenario) {
    ReceivedSpan request =
        spans.stream()
            .filter(span -> span.name().equals("request") && scenario.equals(span.attribute("scenario")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request " + scenario + " in " + spans));
    return ReceivedTrace.of(
        request.traceId(),
        spans.stream()
            .filter(span -> span.traceId().equals(request.traceId()))
            .collect(Collectors.toList()));
  }

  @ParameterizedTest(name = "gRPC {0}")
  @ValueSource(strings = {"oldest", "newest"})
  void clientAndServerSpansOfEachCallInOneTrace(String which) {
    String service = "grpc-" + which;
    String stdout;
    try (ForkedJvm app =
        AgentApps.builder(GrpcApp.class, receiver)
            .serviceName(service)
            .addClassPath(LibraryJars.openTelemetryApi())
            .addClassPath(LibraryJars.grpc(which))
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as("exit code").isZero();
      stdout = app.stdout();
    }
    receiver.awaitSpans(
        span -> service.equals(span.serviceName()) && "lumen.test.Greeter/Refuse".equals(span.name())
            && span.kind() == ReceivedSpan.Kind.SERVER,
        1,
        TIMEOUT);
    List<ReceivedSpan> spans = receiver.spans(span -> service.equals(span.serviceName()));

    ReceivedTrace unary = request(spans, "unary");
    assertThat(unary).hasSpanCount(3).hasNoMissingParents();
    ReceivedSpan client =
        assertThat(unary)
            .hasClientSpan("lumen.test.Greeter/SayHello")
            .isChildOf("request")
            .hasScopeName("io.lumen.grpc")
            .hasAttribute("rpc.system", "grpc")
            .hasAttribute("rpc.service", "lumen.test.Greeter")
            .hasAttribute("rpc.method", "SayHello")
            .hasAttribute("rpc.grpc.status_code", 0L)
            .isNotError()
            .span();
    assertThat(unary)
        .hasServerSpan("lumen.test.Greeter/SayHello")
        .isChildOf(client)
        .hasAttribute("rpc.system", "grpc")
        .hasAttribute("rpc.service", "lumen.test.Greeter")
        .hasAttribute("rpc.method", "SayHello")
        .hasAttribute("rpc.grpc.status_code", 0L);
    // The server got the client span's context in the call's metadata.
    assertThat(stdout)
        .contains(
            "CHECK traceparent.lumen.test.Greeter/SayHello=00-"
                + client.traceId()
                + "-"
                + client.spanId()
                + "-");

    ReceivedTrace streaming = request(spans, "streaming");
    assertThat(stdout).contains("CHECK greetings=3");
    ReceivedSpan streamingClient =
        assertThat(streaming).hasClientSpan("lumen.test.Greeter/ListGreetings").isChildOf("request").span();
    assertThat(streaming)
        .hasServerSpan("lumen.test.Greeter/ListGreetings")
        .isChildOf(streamingClient)
        .hasAttribute("rpc.grpc.status_code", 0L);

    // INVALID_ARGUMENT: the caller's mistake, an error for the client, not for the server.
    ReceivedTrace refused = request(spans, "refused");
    ReceivedSpan refusedClient =
        assertThat(refused)
            .hasClientSpan("lumen.test.Greeter/Refuse")
            .hasAttribute("rpc.grpc.status_code", 3L)
            .isError()
            .span();
    assertThat(refused)
        .hasServerSpan("lumen.test.Greeter/Refuse")
        .isChildOf(refusedClient)
        .hasAttribute("rpc.grpc.status_code", 3L)
        .isNotError();

    for (String metricName : new String[] {"rpc.client.duration", "rpc.server.duration"}) {
      ReceivedMetric duration =
          receiver.awaitMetric(
              metric ->
                  metric.name().equals(metricName)
                      && service.equals(metric.resourceAttribute("service.name")),
              TIMEOUT);
      assertThat(duration.pointWithAttribute("rpc.method", "SayHello")).as(metricName).isPresent();
    }
  }
}
