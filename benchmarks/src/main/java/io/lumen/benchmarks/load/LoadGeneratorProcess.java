package io.lumen.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A {@link LoadGenerator} in its own JVM, driven phase by phase from the benchmark runner. */
public final class LoadGeneratorProcess implements AutoCloseable {

  private final Process process;
  private final BufferedReader output;
  private final Writer commands;

  private LoadGeneratorProcess(Process process) {
    this.process = process;
    this.output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Starts a load generator with {@code connections} connections to {@code baseUrl}, on the class
   * path of this JVM, and waits until it is ready.
   */
  public static LoadGeneratorProcess start(Path java, String baseUrl, int connections) {
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            LoadGenerator.class.getName(),
            baseUrl,
            Integer.toString(connections));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      LoadGeneratorProcess generator = new LoadGeneratorProcess(builder.start());
      generator.awaitLine("READY");
      return generator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the load generator", e);
    }
  }

  /** Runs one phase: requests to {@code pathTemplate} on every connection for {@code duration}. */
  public LoadResult run(String pathTemplate, Duration duration) {
    try {
      commands.write(
          String.format(
              Locale.ROOT, "RUN %s %.3f%n", pathTemplate, duration.toMillis() / 1000.0));
      commands.flush();
      return LoadResult.parse(awaitLine(LoadResult.PREFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("the load generator stopped", e);
    }
  }

  private String awaitLine(String prefix) throws IOException {
    String line;
    while ((line = output.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println("  load | " + line);
    }
    throw new IOException("the load generator exited before printing " + prefix.trim());
  }

  @Override
  public void close() {
    try {
      commands.write("EXIT\n");
      commands.flush();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
