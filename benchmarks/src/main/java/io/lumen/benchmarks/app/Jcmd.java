package io.lumen.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs diagnostic commands in a running JVM with the JDK's {@code jcmd}: a garbage collection
 * before measuring the heap, the heap's occupancy, and flight recordings. Only between measured
 * phases: {@code jcmd} is a JVM of its own, and attaching wakes a thread in the target.
 */
final class Jcmd {

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Path executable;

  /** {@code jcmd} of the JDK whose {@code java} is {@code javaExecutable}. */
  Jcmd(Path javaExecutable) {
    this.executable = javaExecutable.resolveSibling("jcmd");
  }

  /**
   * Runs {@code jcmd <pid> <command...>} and returns what it printed.
   *
   * @throws IllegalStateException if it fails or takes over a minute
   */
  String run(long pid, String... command) {
    List<String> arguments = new ArrayList<>();
    arguments.add(executable.toString());
    arguments.add(Long.toString(pid));
    arguments.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("jcmd " + String.join(" ", command) + " timed out");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "jcmd " + String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running jcmd", e);
    }
  }

  /** Collects garbage ({@code GC.run}, a full collection), then returns the heap in use, in KB. */
  long heapUsedAfterGcKilobytes(long pid) {
    run(pid, "GC.run");
    return heapUsedKilobytes(run(pid, "GC.heap_info"));
  }

  /** The heap in use according to {@code GC.heap_info}'s first line (G1, Parallel, Serial). */
  static long heapUsedKilobytes(String heapInfo) {
    Matcher matcher = HEAP_USED.matcher(heapInfo);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no 'used ...K' in GC.heap_info output: " + heapInfo);
    }
    return Long.parseLong(matcher.group(1));
  }
}
