package io.lumen.smoketest.redis;

import static io.lumen.testing.agent.TelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.support.AgentApps;
import io.lumen.smoketest.support.LibraryJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.LocalService;
import io.lumen.testing.agent.SpanAssert;
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
 * An unmodified application using Lettuce's sync, async and reactive APIs against the local Redis,
 * with the agent, at the oldest (5.0) and newest (6.x) supported Lettuce.
 */
class LettuceSmokeTest {

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

  private static String prefix(String which) {
    return "lumen:" + ProcessHandle.current().pid() + ":lettuce-" + which;
  }

  private static List<ReceivedSpan> run(String which) {
    LocalService.REDIS.assumeReachable();
    String service = "lettuce-" + which;
    try (ForkedJvm app =
        AgentApps.builder(LettuceApp.class, receiver)
            .serviceName(service)
            .addClassPath(LibraryJars.openTelemetryApi())
            .addClassPath(LibraryJars.lettuce(which))
            .args(
                "redis://" + LocalService.REDIS.host() + ":" + LocalService.REDIS.port(),
                prefix(which))
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as("exit code").isZero();
    }
    receiver.awaitSpans(
        span -> service.equals(span.serviceName()) && "DEL".equals(span.name()), 1, TIMEOUT);
    return receiver.spans(span -> service.equals(span.serviceName()));
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

  private static SpanAssert redisCommand(ReceivedTrace trace, String command) {
    return assertThat(trace)
        .hasClientSpan(command)
        .isChildOf("request")
        .hasScopeName("io.lumen.lettuce")
        .hasAttribute("db.system.name", "redis")
        .hasAttribute("db.operation.name", command);
  }

  @ParameterizedTest(name = "Lettuce {0}")
  @ValueSource(strings = {"oldest", "newest"})
  void syncAsyncAndReactiveCommandsAreClientSpansInTheCallersTrace(String which) {
    List<ReceivedSpan> spans = run(which);
    String prefix = prefix(which);

    ReceivedTrace sync = request(spans, "sync");
    assertThat(sync).hasSpanCount(3).hasNoMissingParents();
    redisCommand(sync, "SET").isNotError().hasAttribute("db.query.text", "SET " + prefix + ":user ?");
    redisCommand(sync, "GET").hasAttribute("db.query.text", "GET " + prefix + ":user");
    assertThat(spans)
        .as("no span carries a value the application stored")
        .noneMatch(
            span ->
                String.valueOf(span.attributes()).contains("s3cret")
                    || String.valueOf(span.attributes()).contains("async-value")
                    || String.valueOf(span.attributes()).contains("reactive-value"));

    ReceivedTrace async = request(spans, "async");
    assertThat(async).hasSpanCount(2);
    redisCommand(async, "SET").hasAttribute("db.query.text", "SET " + prefix + ":async ?");

    ReceivedTrace reactive = request(spans, "reactive");
    assertThat(reactive).hasSpanCount(2);
    redisCommand(reactive, "SET").hasAttribute("db.query.text", "SET " + prefix + ":reactive ?");

    redisCommand(request(spans, "error"), "HGET")
        .isError()
        .hasAttribute("db.query.text", "HGET " + prefix + ":user field");

    ReceivedMetric duration =
        receiver.awaitMetric(
            metric ->
                metric.name().equals("db.client.operation.duration")
                    && ("lettuce-" + which).equals(metric.resourceAttribute("service.name")),
            TIMEOUT);
    assertThat(duration.pointWithAttribute("db.system.name", "redis")).isPresent();
  }
}
