package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.LoadApp;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.agent.TestLibraries;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Garbage in many configuration keys at once, as environment variables, with the agent: the
 * application starts, each bad key alone falls back to its default with one warning, and the rest
 * of the configuration (endpoint, service name, resource attributes) still applies, so telemetry
 * flows. Every documented key is covered one by one, table-driven, in lumen-sdk's
 * {@code ConfigurationRepairTest} and {@code BadConfigurationEndToEndTest}.
 */
class BadConfigurationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Bad values, each with a text its warning must contain. */
  private static final Map<String, String> BAD = new LinkedHashMap<>();

  static {
    BAD.put("OTEL_BSP_MAX_QUEUE_SIZE", "-5");
    BAD.put("OTEL_TRACES_SAMPLER", "sometimes");
    BAD.put("OTEL_PROPAGATORS", "tracecontext,nonsense");
    BAD.put("OTEL_EXPORTER_OTLP_COMPRESSION", "brotli");
    BAD.put("OTEL_EXPORTER_OTLP_TIMEOUT", "soon");
    BAD.put("OTEL_EXPORTER_OTLP_HEADERS", "x-team=shop,broken-entry");
    BAD.put("OTEL_EXPORTER_OTLP_CERTIFICATE", "/no/such/ca.pem");
    BAD.put("OTEL_RESOURCE_ATTRIBUTES", "team=reliability,garbage");
    BAD.put("OTEL_SDK_DISABLED", "yes");
    BAD.put("OTEL_ATTRIBUTE_COUNT_LIMIT", "lots");
    BAD.put("OTEL_EXPERIMENTAL_SDK_TELEMETRY_VERSION", "newest");
    // Read as false by a plain Boolean.parseBoolean: the module would be off without a word.
    BAD.put("OTEL_INSTRUMENTATION_JAVA_HTTP_SERVER_ENABLED", "maybe");
  }

  @Test
  void everyBadKeyFallsBackAloneAndTelemetryFlows() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app = badlyConfigured(AgentUnderTest.exportingTo(receiver.grpcEndpoint()))
            .start()) {
      int port = AgentUnderTest.port(app);
      HttpResponse<String> response = get(port);

      ReceivedSpan server =
          receiver.awaitSpan(span -> span.kind() == ReceivedSpan.Kind.SERVER, TIMEOUT);
      receiver.awaitLogRecord(log -> "handled seq=7".equals(log.bodyAsString()), TIMEOUT);
      List<String> warnings =
          app.stderr().lines().filter(line -> line.contains("Invalid value for ")).toList();

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(server.serviceName()).isEqualTo("bad-config-app");
      assertThat(server.resourceAttribute("team")).isEqualTo("reliability");
      assertThat(receiver.lastRequestHeaders(io.lumen.testing.receiver.Signal.TRACES)
              .get("x-team"))
          .containsExactly("shop");
      assertThat(warnings).hasSize(BAD.size());
      BAD.forEach(
          (variable, value) ->
              assertThat(warnings)
                  .as(variable)
                  .filteredOn(line -> line.contains("(" + variable + ")"))
                  .singleElement()
                  .asString()
                  .contains("WARN")
                  .contains(variable.endsWith("HEADERS") ? "characters, not shown" : value)
                  .contains("Using"));
      assertThat(app.stderr()).doesNotContain("could not be configured", "ERROR");

      ReliabilityReport.entry("3.1 Bad configuration values, with the agent")
          .proves(
              "12 keys given garbage at once as environment variables (negative queue size,"
                  + " unknown sampler and propagator, unknown compression, a duration that is no"
                  + " duration, a malformed header entry, a missing CA file, a malformed resource"
                  + " attribute, `OTEL_SDK_DISABLED=yes`, a non-number limit, an unknown telemetry"
                  + " version, a module switch that is neither true nor false): the app starts,"
                  + " each key gives exactly one WARN line naming key, value and the default used,"
                  + " and the good part of the configuration still applies: spans and logs arrive"
                  + " with the service name, the good resource attribute and the good header."
                  + " Each documented key is also covered alone, table-driven, by lumen-sdk's"
                  + " ConfigurationRepairTest (one case per key and bad value, and a check that"
                  + " every key in both READMEs has a rule) and BadConfigurationEndToEndTest (the"
                  + " same table through the whole SDK, to a receiver).")
          .figure("bad keys / warnings", BAD.size() + " / " + warnings.size())
          .figure("app started and served", response.statusCode() + " " + response.body())
          .figure("server span received", server.name() + ", service.name="
              + server.serviceName())
          .figure("the official agent " + OFFICIAL_VERSION + " with the same settings",
              officialAgentSpans() + " spans received")
          .record();
    }
  }

  private static final String OFFICIAL_VERSION = "2.33.1";

  /** What the official agent exports with the same configuration: a figure, not an assertion. */
  private static String officialAgentSpans() throws Exception {
    Path official;
    try {
      official = TestLibraries.jar("io.opentelemetry.javaagent:opentelemetry-javaagent:"
          + OFFICIAL_VERSION);
    } catch (IllegalStateException e) {
      return "(not in the local Maven repository)";
    }
    if (!Files.isRegularFile(official)) {
      return "(not in the local Maven repository)";
    }
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            badlyConfigured(ForkedJvm.builder().agent(official).exportTo(receiver,
                    OtlpProtocol.GRPC))
                .start()) {
      int port = AgentUnderTest.port(app);
      get(port);
      Thread.sleep(5_000);
      return String.valueOf(receiver.spans().size());
    }
  }

  private static ForkedJvmBuilder badlyConfigured(ForkedJvmBuilder builder) {
    TestApps.app(builder, LoadApp.class).serviceName("bad-config-app").echoOutput(false);
    BAD.forEach(builder::environment);
    return builder;
  }

  private static HttpResponse<String> get(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work?seq=7")).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
