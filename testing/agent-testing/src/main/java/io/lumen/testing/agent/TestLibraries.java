package io.lumen.testing.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Jars of real libraries for forked JVMs, from the local Maven repository. The smoke-test poms
 * have {@code maven-dependency-plugin} download them; this only locates them, so a forked
 * application's class path holds exactly the versions a test names.
 *
 * <pre>{@code
 * ForkedJvm.builder()
 *     .addClassPath(TestLibraries.jars("com.h2database:h2:2.3.232", "org.example:app:1.0"))
 * }</pre>
 *
 * <p>The repository is the one in the system property {@code maven.repo.local}, else {@code
 * ~/.m2/repository}.
 */
public final class TestLibraries {

  /**
   * The jar of {@code coordinate}, {@code group:artifact:version} or {@code
   * group:artifact:version:classifier}.
   *
   * @throws IllegalStateException naming the coordinate and the expected path if it is missing
   */
  public static Path jar(String coordinate) {
    return jar(localRepository(), coordinate);
  }

  /** The jars of several coordinates, in order. */
  public static List<Path> jars(String... coordinates) {
    return Arrays.stream(coordinates).map(TestLibraries::jar).toList();
  }

  /** The local Maven repository this class reads. */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  static Path jar(Path repository, String coordinate) {
    String[] parts = coordinate.split(":");
    if (parts.length < 3 || parts.length > 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "not a Maven coordinate (group:artifact:version[:classifier]): " + coordinate);
    }
    String group = parts[0];
    String artifact = parts[1];
    String version = parts[2];
    String classifier = parts.length == 4 ? "-" + parts[3] : "";
    Path jar =
        repository
            .resolve(group.replace('.', '/'))
            .resolve(artifact)
            .resolve(version)
            .resolve(artifact + "-" + version + classifier + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Test library " + coordinate + " is not in the local Maven repository (expected " + jar
              + "). Declare it in the test module's maven-dependency-plugin configuration so the"
              + " build downloads it, or run: mvn dependency:get -Dartifact=" + coordinate);
    }
    return jar;
  }

  private TestLibraries() {}
}
