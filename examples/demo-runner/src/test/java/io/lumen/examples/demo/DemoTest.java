package io.lumen.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the demo as {@code demo.sh} does, against the agent and app jars this build produced, and
 * checks that what it prints is what the README promises.
 */
class DemoTest {

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http/protobuf"})
  void printsOneServerSpanPerRequestWithTheCallersTraceContinued(String protocol) {
    DemoOptions options =
        DemoOptions.parse(
            new String[] {
              "--agent", jar("lumen.agent.jar").toString(),
              "--app", jar("lumen.demo.app.jar").toString(),
              "--protocol", protocol
            });
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = new Demo(options, out).run();
    }
    String printed = output.toString(StandardCharsets.UTF_8);

    assertThat(exitCode).as(printed).isZero();
    List<String> lines = printed.lines().toList();
    assertThat(lines)
        .contains("trace " + Demo.CALLER_TRACE_ID + " (1 span, service.name=users-service)");
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("  GET SERVER ")
            .contains("url.path=/users/42", "http.response.status_code=200")
            .endsWith("(parent " + Demo.CALLER_SPAN_ID + " not received)"));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("  GET SERVER ")
            .contains("url.path=/users/99", "http.response.status_code=404")
            .doesNotContain("status=ERROR"));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("  GET SERVER ")
            .contains("url.path=/users/13/orders", "http.response.status_code=500",
                "status=ERROR"));
    // The orders service is down: the failed call is a client span under the 500.
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("    GET CLIENT ")
            .contains("/orders?userId=13", "error.type=java.net.ConnectException", "status=ERROR"));
    assertThat(printed).contains("Metrics received", Demo.DURATION_METRIC);
    assertThat(lines)
        .contains(
            "Log records received (5), each in the trace of its request:",
            "  INFO    GET /users/42 -> 200 (trace " + Demo.CALLER_TRACE_ID + ")");
    assertThat(lines)
        .anySatisfy(line -> assertThat(line)
            .startsWith("  WARNING GET /users/13/orders failed: order history unavailable: "
                + "connection refused (trace "));
  }

  private static Path jar(String property) {
    String path = System.getProperty(property);
    assertThat(path).as("system property " + property + " (set by the build)").isNotNull();
    return Path.of(path);
  }
}
