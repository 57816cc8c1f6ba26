package io.lumen.benchmarks.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Counts a benchmark's invocations (warm-up included) inside the JMH fork and hands them to the
 * runner through a file named by the {@code lumen.benchmark.probe} system property, so that the
 * telemetry the receiver got can be divided by the operations that produced it. JMH reports only
 * measured operations, and nothing about what the agent did.
 */
public final class BenchmarkProbe {

  /** The system property naming the file; without it nothing is written. */
  public static final String FILE_PROPERTY = "lumen.benchmark.probe";

  private BenchmarkProbe() {}

  /** Writes {@code counts} (for example {@code invocations}) to the probe file. */
  public static void write(Map<String, Long> counts) {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null) {
      return;
    }
    Properties properties = new Properties();
    counts.forEach((key, value) -> properties.setProperty(key, Long.toString(value)));
    try (var out = Files.newOutputStream(Path.of(file))) {
      properties.store(out, "lumen benchmark probe");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what {@link #write} wrote; empty if the file does not exist. */
  public static Map<String, Long> read(Path file) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return counts;
    }
    Properties properties = new Properties();
    try (var in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    properties.stringPropertyNames().forEach(k -> counts.put(k, Long.parseLong(properties.getProperty(k))));
    return counts;
  }
}
