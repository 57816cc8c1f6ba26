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
 * An unmodified application using Jedis against the local Redis, with the agent, at the oldest
 * supported Jedis (3.0, the jedis-3.0 module), the first of the jedis-4.0 module (4.0) and the
 * newest supported (5.x): what its commands look like at the OTLP receiver.
 */
class JedisSmokeTest {

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

  /** Runs the application with {@code which} Jedis and returns the spans it reported. */
  private static List<ReceivedSpan> run(String which) {
    LocalService.REDIS.assumeReachable();
    String service = "jedis-" + which;
    String prefix = "lumen:" + ProcessHandle.current().pid() + ":" + which;
    try (ForkedJvm app =
        AgentApps.builder(JedisApp.class, receiver)
            .serviceName(service)
            .addClassPath(LibraryJars.openTelemetryApi())
            .addClassPath(LibraryJars.jedis(which))
            .args(LocalService.REDIS.host(), String.valueOf(LocalService.REDIS.port()), prefix)
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
        .hasScopeName("io.lumen.jedis")
        .hasAttribute("db.system.name", "redis")
        .hasAttribute("db.operation.name", command)
        .hasAttribute("server.address", LocalService.REDIS.host())
        .hasAttribute("server.port", LocalService.REDIS.port());
  }

  @ParameterizedTest(name = "Jedis {0}")
  @ValueSource(strings = {"oldest", "v4", "newest"})
  void eachCommandIsAClientSpanWithItsValuesMasked(String which) {
    List<ReceivedSpan> spans = run(which);

    ReceivedTrace setGet = request(spans, "set-get");
    assertThat(setGet).hasSpanCount(3).hasNoMissingParents();
    redisCommand(setGet, "SET")
        .isNotError()
        .hasAttribute("db.query.text", "SET lumen:" + ProcessHandle.current().pid() + ":" + which + ":user ?");
    redisCommand(setGet, "GET")
        .hasAttribute("db.query.text", "GET lumen:" + ProcessHandle.current().pid() + ":" + which + ":user");
    assertThat(spans)
        .as("no span carries a value the application stored")
        .noneMatch(span -> String.valueOf(span.attributes()).contains("s3cret"));

    ReceivedTrace pipeline = request(spans, "pipeline");
    redisCommand(pipeline, "SET")
        .hasAttribute("db.query.text", "SET lumen:" + ProcessHandle.current().pid() + ":" + which + ":a ?");
    redisCommand(pipeline, "INCR");

    ReceivedTrace error = request(spans, "error");
    SpanAssert hget =
        redisCommand(error, "HGET")
            .hasAttribute(
                "db.query.text",
                "HGET lumen:" + ProcessHandle.current().pid() + ":" + which + ":user field");
    if (!which.equals("oldest")) {
      // Jedis 4 and later read the reply inside the instrumented call; Jedis 3 reads it later.
      hget.isError();
    }

    ReceivedMetric duration =
        receiver.awaitMetric(
            metric ->
                metric.name().equals("db.client.operation.duration")
                    && ("jedis-" + which).equals(metric.resourceAttribute("service.name")),
            TIMEOUT);
    assertThat(duration.pointWithAttribute("db.system.name", "redis")).isPresent();
  }
}
