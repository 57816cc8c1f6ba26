package io.lumen.smoketest.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class paths of the forked applications and brokers: each a folder of {@code
 * target/test-libs} that the pom fills with one library release and what it needs at run time.
 */
public final class TestLibs {

  private TestLibs() {}

  /** Every jar of {@code target/test-libs/<name>}, for example {@code kafka-oldest}. */
  public static List<Path> classPath(String name) {
    Path folder = root().resolve(name);
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          folder + " does not exist: run the tests through Maven, which copies the libraries");
    }
    try (Stream<Path> jars = Files.list(folder)) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code test.*} version the pom passes to the tests, such as {@code kafka.latest}. */
  public static String version(String library) {
    return property("test." + library);
  }

  private static Path root() {
    return Path.of(property("test.libs"));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the tests through Maven");
    }
    return value;
  }
}
