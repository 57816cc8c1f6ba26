package io.lumen.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application in its own JVM, started by the demo: its output (the agent's {@code [lumen]}
 * lines included) is echoed with a prefix, and it counts as started once it prints {@code READY on
 * <url>}.
 *
 * <p>{@link #close()} stops it the way Kubernetes would, with SIGTERM, so the agent gets its
 * shutdown hook and flushes; only a JVM that ignores that for {@link #STOP_GRACE} is killed.
 */
final class ForkedApp implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("READY on (http://\\S+)");
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Process process;
  private final CompletableFuture<URI> ready = new CompletableFuture<>();

  private ForkedApp(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code command} with the current environment, minus the variables whose names start
   * with one of {@code removedVariablePrefixes}, plus {@code environment}; each line it prints
   * (standard output and error) is echoed to {@code echo} behind {@code prefix}.
   */
  static ForkedApp start(
      List<String> command,
      List<String> removedVariablePrefixes,
      Map<String, String> environment,
      PrintStream echo,
      String prefix) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet()
        .removeIf(name -> removedVariablePrefixes.stream().anyMatch(name::startsWith));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    ForkedApp app = new ForkedApp(process);
    Thread echoThread = new Thread(() -> app.echo(echo, prefix), "demo-app-output");
    echoThread.setDaemon(true);
    echoThread.start();
    return app;
  }

  private void echo(PrintStream out, String prefix) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.println(prefix + line);
        Matcher matcher = READY.matcher(line);
        if (matcher.find()) {
          ready.complete(URI.create(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      // The process is gone; what it printed so far was echoed.
    }
    ready.completeExceptionally(
        new IllegalStateException("the app ended before it was ready" + exitDescription()));
  }

  /** Waits until the app serves requests and returns its base URL. */
  URI awaitReady(Duration timeout) throws InterruptedException {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the app did not print READY within " + timeout);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Stops the app (SIGTERM, then SIGKILL after a grace period) and waits for it. Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The exit code, once {@link #close()} returned. */
  int exitCode() {
    return process.exitValue();
  }

  private String exitDescription() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
