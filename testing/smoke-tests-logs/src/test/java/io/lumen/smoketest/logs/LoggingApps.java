package io.lumen.smoketest.logs;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.TestLibraries;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starting the logging applications of {@code apps} and reading what they print. */
final class LoggingApps {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

  /** A line of the console pattern in {@code apps/logback-app.xml} and {@code log4j2-app.xml}. */
  private static final Pattern CONSOLE_LINE =
      Pattern.compile(
          "trace_id=\\[(\\w*)\\] span_id=\\[(\\w*)\\] trace_flags=\\[(\\w*)\\] user=\\[(\\w*)\\] (.*)");

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private LoggingApps() {}

  /** A JVM running {@code mainClass} of {@code apps} on exactly {@code libraries}. */
  static ForkedJvmBuilder app(Class<?> mainClass, String... libraries) {
    return ForkedJvm.builder()
        .mainClass(mainClass)
        .addClassPath(testClasses())
        .addClassPath(TestLibraries.jars(libraries))
        .addJvmArgs("-Xmx256m");
  }

  /** The configuration file {@code name} of {@code src/test/resources/apps}. */
  static String config(String name) {
    return testClasses().resolve("apps").resolve(name).toString();
  }

  /** Waits for the {@code PORT <n>} line of a {@code WorkServer} application. */
  static int port(ForkedJvm app) {
    String line = app.waitForOutput(Pattern.compile("PORT (\\d+)"), TIMEOUT);
    return Integer.parseInt(line.substring("PORT ".length()));
  }

  /** One request to {@code /work}, in the trace {@link #TRACE_ID}. */
  static void work(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work"))
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /work answered " + response.statusCode());
    }
  }

  /** The console line whose message is {@code message}, waiting for it to be printed. */
  static ConsoleLine consoleLine(ForkedJvm app, String message) {
    app.waitForOutput(message, TIMEOUT);
    Optional<ConsoleLine> found =
        app.stdout()
            .lines()
            .map(CONSOLE_LINE::matcher)
            .filter(Matcher::find)
            .map(m -> new ConsoleLine(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)))
            .filter(line -> line.message().equals(message))
            .findFirst();
    return found.orElseThrow(
        () -> new AssertionError("no console line '" + message + "'\n" + app.describeOutput()));
  }

  /** What the application's own pattern layout printed for one event. */
  record ConsoleLine(String traceId, String spanId, String traceFlags, String user, String message) {}

  private static Path testClasses() {
    try {
      return Path.of(LoggingApps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> logbackJars(String version, String slf4jVersion) {
    return List.of(
        "ch.qos.logback:logback-classic:" + version,
        "ch.qos.logback:logback-core:" + version,
        "org.slf4j:slf4j-api:" + slf4jVersion);
  }
}
