package io.lumen.testing.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running forked JVM, typically an application with the agent attached: its output is captured
 * (and echoed to this JVM's stderr, prefixed with its name, so a failing test shows what the
 * application said), and a test can wait for a line of output or for the exit.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start();
 *     ForkedJvm app = ForkedJvm.builder()
 *         .mainClass("com.example.App")
 *         .addClassPath(TestLibraries.jar("com.example:app:1.0"))
 *         .exportTo(receiver)
 *         .start()) {
 *   app.waitForOutput("Started", Duration.ofSeconds(30));
 *   // call the app, then receiver.awaitTrace(...)
 * }
 * }</pre>
 *
 * <p>Closing destroys the process: politely first (so shutdown hooks flush telemetry), then
 * forcibly.
 */
public final class ForkedJvm implements AutoCloseable {

  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
  private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(5);

  private final Process process;
  private final String name;
  private final List<String> command;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition outputChanged = lock.newCondition();
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final Thread stdoutDrain;
  private final Thread stderrDrain;

  ForkedJvm(Process process, String name, List<String> command, boolean echoOutput) {
    this.process = process;
    this.name = name;
    this.command = List.copyOf(command);
    this.stdoutDrain =
        drain(process.getInputStream(), stdout, echoOutput ? "[" + name + "] " : null, "stdout");
    this.stderrDrain =
        drain(process.getErrorStream(), stderr, echoOutput ? "[" + name + " err] " : null,
            "stderr");
  }

  /** Describes a JVM to fork. */
  public static ForkedJvmBuilder builder() {
    return new ForkedJvmBuilder();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /** The command line the JVM was started with. */
  public List<String> command() {
    return command;
  }

  /** Everything the JVM wrote to stdout so far. */
  public String stdout() {
    return read(stdout);
  }

  /** Everything the JVM wrote to stderr so far (the agent logs here). */
  public String stderr() {
    return read(stderr);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, if the JVM has exited. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * Waits until stdout or stderr contains {@code text} and returns it.
   *
   * @throws AssertionError if it does not appear within {@code timeout}, or the JVM exits first
   */
  public String waitForOutput(String text, Duration timeout) {
    return waitForOutput(Pattern.compile(Pattern.quote(text)), timeout);
  }

  /**
   * Waits until stdout or stderr has a match of {@code pattern} and returns the matched text. Use
   * {@link Pattern#MULTILINE} to anchor on lines.
   *
   * @throws AssertionError if there is none within {@code timeout}, or the JVM exits first
   */
  public String waitForOutput(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (StringBuilder output : List.of(stdout, stderr)) {
          Matcher matcher = pattern.matcher(output);
          if (matcher.find()) {
            return matcher.group();
          }
        }
        if (!process.isAlive() && !stdoutDrain.isAlive() && !stderrDrain.isAlive()) {
          throw new AssertionError(
              name + " exited with code " + process.exitValue() + " before printing /" + pattern
                  + "/\n" + describeOutput());
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new AssertionError(
              name + " did not print /" + pattern + "/ within " + timeout + "\n"
                  + describeOutput());
        }
        // Bounded: the exit itself does not signal, only the drains reaching end of stream do.
        outputChanged.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for output of " + name, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the JVM to exit and for its output to be read to the end, and returns the exit code.
   *
   * @throws AssertionError if it is still running after {@code timeout} (it is left running;
   *     {@link #close()} stops it)
   */
  public int waitForExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError(
            name + " did not exit within " + timeout + "\n" + describeOutput());
      }
      joinDrains();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name + " to exit", e);
    }
  }

  /**
   * Stops the JVM: SIGTERM first, so shutdown hooks run (the agent flushes telemetry there), then
   * forcibly if it is still running after ten seconds.
   */
  public void destroy() {
    if (!process.isAlive()) {
      joinDrains();
      return;
    }
    // Through the handle: Process.destroy() would also close the output pipes, losing what
    // shutdown hooks print.
    ProcessHandle handle = process.toHandle();
    process.descendants().forEach(ProcessHandle::destroy);
    handle.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    joinDrains();
  }

  @Override
  public void close() {
    destroy();
  }

  /** Command, exit status and output, for failure messages. */
  public String describeOutput() {
    String status = process.isAlive() ? "running" : "exit code " + process.exitValue();
    return "--- " + name + " (pid " + process.pid() + ", " + status + "): "
        + String.join(" ", command) + "\n--- stdout:\n" + stdout() + "\n--- stderr:\n" + stderr()
        + "\n---";
  }

  @Override
  public String toString() {
    return "ForkedJvm{" + name + ", pid=" + process.pid() + "}";
  }

  private String read(StringBuilder output) {
    lock.lock();
    try {
      return output.toString();
    } finally {
      lock.unlock();
    }
  }

  private void joinDrains() {
    try {
      stdoutDrain.join(DRAIN_AFTER_EXIT.toMillis());
      stderrDrain.join(DRAIN_AFTER_EXIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads a stream to its end on a daemon thread, appending to {@code output} as text arrives (so
   * a prompt without a line break can be waited for) and echoing whole lines with {@code prefix}.
   */
  private Thread drain(InputStream stream, StringBuilder output, String prefix, String what) {
    Thread thread =
        new Thread(
            () -> {
              StringBuilder line = new StringBuilder();
              char[] buffer = new char[8192];
              try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int read;
                while ((read = reader.read(buffer)) >= 0) {
                  append(output, buffer, read);
                  if (prefix != null) {
                    echoLines(prefix, line, buffer, read);
                  }
                }
              } catch (IOException e) {
                // The pipe was closed under us; what was read so far stays available.
                System.err.println("[" + name + "] stopped reading " + what + ": " + e);
              } finally {
                if (prefix != null && line.length() > 0) {
                  System.err.println(prefix + line);
                }
                signal();
              }
            },
            "forked-jvm-" + name + "-" + what);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void append(StringBuilder output, char[] buffer, int length) {
    lock.lock();
    try {
      output.append(buffer, 0, length);
      outputChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      outputChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static void echoLines(String prefix, StringBuilder line, char[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        System.err.println(prefix + line);
        line.setLength(0);
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }
}
