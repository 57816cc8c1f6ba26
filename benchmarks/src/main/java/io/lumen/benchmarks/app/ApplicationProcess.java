package io.lumen.benchmarks.app;

import io.lumen.benchmarks.AgentUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application under test, in its own JVM: {@code java [-javaagent:...] -jar app.jar}, with its
 * output in a log file and a timer started just before the process is.
 */
final class ApplicationProcess implements AutoCloseable {

  /** Environment the child must not inherit: it would change what is measured. */
  private static final List<String> INHERITED_OPTIONS =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private final Process process;
  private final long launchedNanos;
  private final Path log;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String baseUrl;
  private int responsesWhileStarting;

  private ApplicationProcess(Process process, long launchedNanos, Path log, int port) {
    this.process = process;
    this.launchedNanos = launchedNanos;
    this.log = log;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /**
   * Launches the application.
   *
   * @param java the {@code java} executable
   * @param jvmOptions options before {@code -jar} (the agent's are added first)
   * @param environment added to this process's environment, from which every {@code OTEL_*}
   *     variable and the JVM option variables are removed
   */
  static ApplicationProcess start(
      Path java,
      AgentUnderTest agent,
      List<String> jvmOptions,
      Path appJar,
      int port,
      Map<String, String> environment,
      Path log) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(agent.jvmArguments());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(appJar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_"));
    builder.environment().keySet().removeAll(INHERITED_OPTIONS);
    builder.environment().putAll(environment);
    long launched = System.nanoTime();
    try {
      return new ApplicationProcess(builder.start(), launched, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  long pid() {
    return process.pid();
  }

  String baseUrl() {
    return baseUrl;
  }

  /**
   * Requests {@code path} every 20 ms until it answers 200, and returns the time from launch to
   * that answer: the start-up time as a user of the service sees it.
   *
   * @throws IllegalStateException if the process exits or {@code timeout} passes first
   */
  Duration awaitFirstSuccess(String path, Duration timeout) throws InterruptedException {
    long deadline = launchedNanos + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + "; its output:\n" + output());
      }
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        responsesWhileStarting++;
        if (response.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - launchedNanos);
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (IOException e) {
        // accepted but not answered (starting up): try again
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "no 200 from " + path + " within " + timeout + "; the application's output:\n" + output());
  }

  /** Responses (any status) the start-up polling got: each produced spans. */
  int responsesWhileStarting() {
    return responsesWhileStarting;
  }

  /** Sends one request and waits for the whole response. */
  int get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }

  /** Everything the application printed so far. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /**
   * Stops the application as Kubernetes would, with SIGTERM, so agents flush what they hold in
   * their shutdown hooks; SIGKILL if it has not exited after {@code grace}.
   *
   * @return true if it exited within {@code grace}
   */
  boolean stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    return false;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
