package io.lumen.smoketest.grpc;

import static io.lumen.testing.agent.TelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.ReceivedTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unmodified gRPC client and server applications in two JVMs, each with the agent, talking over a
 * real TCP connection through the Netty transport: grpc-netty at the oldest supported gRPC (1.6.1;
 * grpc-netty-shaded exists only from 1.9), grpc-netty-shaded at 1.40 (whose transport builders
 * forward to the channel and server builders the agent instruments, so both are advised) and at
 * the newest. For every kind of call (unary, server-, client- and bidirectional streaming, a
 * refusal and a crash) the client's CLIENT span and the server's SERVER span are one trace, the
 * server span a child of the client span through the call's metadata, with the RPC attributes and
 * the RPC duration metrics of both sides, and on the server span the caller's address ({@code
 * client.address}/{@code client.port}, {@code network.peer.*}) at every version, 1.6.1 included.
 *
 * <p>Span suppression is turned off, so that a second tracing interceptor on a channel or server
 * would show as a second span rather than be silently suppressed: each call must have exactly one
 * CLIENT and one SERVER span.
 */
class GrpcNetworkSmokeTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Pattern READY = Pattern.compile("READY port=(\\d+)");
  private static final String SERVICE = GrpcNetworkApp.SERVICE;
  private static final List<String> METHODS =
      List.of("GetOrder", "ListOrders", "UploadOrders", "Chat", "Refuse", "Crash");

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static ForkedJvmBuilder app(String serviceName, String which) {
    return AgentApps.builder(GrpcNetworkApp.class, receiver)
        .serviceName(serviceName)
        .name(serviceName)
        .systemProperty("otel.instrumentation.experimental.span-suppression-strategy", "none")
        .addClassPath(LibraryJars.openTelemetryApi())
        .addClassPath(LibraryJars.grpcOverNetty(which));
  }

  @ParameterizedTest(name = "gRPC {0} over TCP")
  @ValueSource(strings = {"oldest", "forwarding", "newest"})
  void eachCallIsOneTraceAcrossClientAndServerProcesses(String which) {
    String clientService = "grpc-client-" + which;
    String serverService = "grpc-server-" + which;
    try (ForkedJvm server = app(serverService, which).args("server").start()) {
      Matcher ready = READY.matcher(server.waitForOutput(READY, TIMEOUT));
      assertThat(ready.find()).as("READY line").isTrue();
      int port = Integer.parseInt(ready.group(1));

      String stdout;
      try (ForkedJvm client =
          app(clientService, which).args("client", String.valueOf(port)).start()) {
        assertThat(client.waitForExit(TIMEOUT)).as("client exit code").isZero();
        stdout = client.stdout();
      }
      assertThat(stdout)
          .contains(
              "CHECK unary=order 42",
              "CHECK server-streaming=3",
              "CHECK client-streaming=[stored 3]",
              "CHECK bidi-streaming=3",
              "CHECK refused=INVALID_ARGUMENT",
              "CHECK crashed=UNKNOWN");
      Services services = new Services(clientService, serverService);
      receiver.awaitSpans(
          span ->
              serverService.equals(span.serviceName())
                  && span.name().equals(SERVICE + "/Crash"),
          1,
          TIMEOUT);

      List<Call> calls = new ArrayList<>();
      calls.add(call(services, "unary", "GetOrder", port).isNotError());
      calls.add(call(services, "server-streaming", "ListOrders", port).isNotError());
      calls.add(call(services, "client-streaming", "UploadOrders", port).isNotError());
      calls.add(call(services, "bidi-streaming", "Chat", port).isNotError());
      // INVALID_ARGUMENT: the caller's mistake, an error for the client, not for the server.
      Call refused = call(services, "refused", "Refuse", port);
      calls.add(refused);
      assertThat(refused.client).hasAttribute("rpc.grpc.status_code", 3L).isError();
      assertThat(refused.server).hasAttribute("rpc.grpc.status_code", 3L).isNotError();
      // A handler that throws: UNKNOWN, a server failure, recorded as the exception on the server.
      Call crashed = call(services, "crashed", "Crash", port);
      calls.add(crashed);
      assertThat(crashed.client).hasAttribute("rpc.grpc.status_code", 2L).isError();
      assertThat(crashed.server)
          .hasAttribute("rpc.grpc.status_code", 2L)
          .isError()
          .hasException("java.lang.IllegalStateException");

      // Where each call came from, as the server's transport saw it: the client process's end of
      // its one connection, the same for every call, and never the server's own port.
      assertThat(
              calls.stream().map(call -> call.server.attribute("client.port")).distinct().toList())
          .as("client.port of every server span")
          .singleElement()
          .isInstanceOfSatisfying(
              Long.class,
              clientPort -> assertThat(clientPort).isBetween(1L, 65535L).isNotEqualTo((long) port));

      ReceivedMetric clientDuration =
          awaitDurationOfEveryMethod("rpc.client.duration", clientService);
      assertThat(clientDuration.pointWithAttribute("server.port", (long) port))
          .as("rpc.client.duration by server.port")
          .isPresent();
      assertThat(clientDuration.pointWithAttribute("rpc.grpc.status_code", 2L))
          .as("rpc.client.duration of the crashed call")
          .isPresent();
      ReceivedMetric serverDuration =
          awaitDurationOfEveryMethod("rpc.server.duration", serverService);
      // The caller's port on a metric would make a time series per connection.
      assertThat(serverDuration.points())
          .allSatisfy(
              point ->
                  assertThat(point.attributes())
                      .doesNotContainKeys("client.address", "client.port", "network.peer.port"));
    }
  }

  /** The client and server spans of one scenario, asserted to be all its trace holds. */
  private record Call(ReceivedSpan client, ReceivedSpan server) {
    Call isNotError() {
      assertThat(client).hasAttribute("rpc.grpc.status_code", 0L).isNotError();
      assertThat(server).hasAttribute("rpc.grpc.status_code", 0L).isNotError();
      return this;
    }
  }

  /** The service names of the two applications. */
  private record Services(String client, String server) {}

  private Call call(Services services, String scenario, String method, int port) {
    ReceivedSpan request =
        receiver
            .spans(
                span ->
                    services.client().equals(span.serviceName())
                        && span.name().equals("request")
                        && scenario.equals(span.attribute("scenario")))
            .stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request span of scenario " + scenario));
    ReceivedTrace trace =
        ReceivedTrace.of(
            request.traceId(),
            receiver.spans(span -> span.traceId().equals(request.traceId())));
    // request -> CLIENT -> SERVER, and nothing else: one interceptor on each side.
    assertThat(trace).hasSpanCount(3).hasNoMissingParents();
    ReceivedSpan client =
        assertThat(trace)
            .hasClientSpan(SERVICE + "/" + method)
            .isChildOf(request)
            .hasServiceName(services.client())
            .hasScopeName("io.lumen.grpc")
            .hasAttribute("rpc.system", "grpc")
            .hasAttribute("rpc.service", SERVICE)
            .hasAttribute("rpc.method", method)
            .hasAttribute("server.address", "127.0.0.1")
            .hasAttribute("server.port", (long) port)
            .span();
    ReceivedSpan server =
        assertThat(trace)
            .hasServerSpan(SERVICE + "/" + method)
            .isChildOf(client)
            .hasServiceName(services.server())
            .hasAttribute("rpc.system", "grpc")
            .hasAttribute("rpc.service", SERVICE)
            .hasAttribute("rpc.method", method)
            // The caller, from the transport (Grpc.TRANSPORT_ATTR_REMOTE_ADDR, there from 1.6).
            .hasAttribute("client.address", "127.0.0.1")
            .hasAttribute("network.peer.address", "127.0.0.1")
            .hasAttribute("client.port")
            .span();
    assertThat(server.attribute("network.peer.port"))
        .as("network.peer.port")
        .isEqualTo(server.attribute("client.port"));
    return new Call(client, server);
  }

  private ReceivedMetric awaitDurationOfEveryMethod(String metricName, String serviceName) {
    return receiver.awaitMetric(
        metric ->
            metric.name().equals(metricName)
                && serviceName.equals(metric.resourceAttribute("service.name"))
                && METHODS.stream()
                    .allMatch(
                        method -> metric.pointWithAttribute("rpc.method", method).isPresent()),
        TIMEOUT);
  }
}
