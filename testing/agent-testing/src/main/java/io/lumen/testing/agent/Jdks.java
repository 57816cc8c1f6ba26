package io.lumen.testing.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds JDKs other than the one running the tests, so smoke tests can run the agent on the newest
 * Java too. A JDK of feature version {@code N} is looked for, in order, in:
 *
 * <ol>
 *   <li>the environment variable {@code JAVA<N>_HOME},
 *   <li>the system property {@code java<N>.home},
 *   <li>the system JVM directory {@code /usr/lib/jvm}, a directory whose name has {@code N} as a
 *       separate number (for example {@code temurin-25-jdk-amd64} or {@code java-25-openjdk}).
 * </ol>
 *
 * <p>A candidate must have an executable {@code bin/java}; if it has a {@code release} file, its
 * {@code JAVA_VERSION} must be of version {@code N}. Tests skip when nothing is found:
 *
 * <pre>{@code
 * Optional<Path> java25 = Jdks.java25();
 * Assumptions.assumeTrue(java25.isPresent(), Jdks.notFoundMessage(25));
 * }</pre>
 */
public final class Jdks {

  private static final Path SYSTEM_JVM_DIRECTORY = Path.of("/usr/lib/jvm");
  private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);

  /** The {@code java} binary of the JVM running this code. */
  public static Path current() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The {@code java} binary of a JDK 25, if one is found. */
  public static Optional<Path> java25() {
    return java(25);
  }

  /** The {@code java} binary of a JDK of feature version {@code version}, if one is found. */
  public static Optional<Path> java(int version) {
    return find(version, System.getenv(), System.getProperties(), SYSTEM_JVM_DIRECTORY);
  }

  /** Why no JDK of {@code version} was found and how to provide one, for skipped tests. */
  public static String notFoundMessage(int version) {
    return "JDK " + version + " not found: set JAVA" + version + "_HOME or -Djava" + version
        + ".home, or install one under " + SYSTEM_JVM_DIRECTORY;
  }

  static Optional<Path> find(
      int version, Map<String, String> env, Properties properties, Path systemJvmDirectory) {
    List<Path> candidates = new ArrayList<>();
    String fromEnv = env.get("JAVA" + version + "_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      candidates.add(Path.of(fromEnv));
    }
    String fromProperty = properties.getProperty("java" + version + ".home");
    if (fromProperty != null && !fromProperty.isBlank()) {
      candidates.add(Path.of(fromProperty));
    }
    candidates.addAll(systemJdks(version, systemJvmDirectory));
    return candidates.stream()
        .filter(home -> isJdkOfVersion(home, version))
        .map(home -> home.resolve("bin").resolve("java"))
        .findFirst();
  }

  private static List<Path> systemJdks(int version, Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    Pattern name = Pattern.compile("(^|\\D)" + version + "(\\D|$)");
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(child -> name.matcher(child.getFileName().toString()).find())
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean isJdkOfVersion(Path home, int version) {
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
      return false;
    }
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return true;
    }
    try {
      Matcher matcher = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      return !matcher.find() || Integer.parseInt(matcher.group(1)) == version;
    } catch (IOException e) {
      return false;
    }
  }

  private Jdks() {}
}
