package io.lumen.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * One of the configurations compared side by side: no agent, the official OpenTelemetry Java
 * agent, or Lumen.
 *
 * @param key a short name for tables and file names: {@code none}, {@code official}, {@code lumen}
 * @param label what the report calls it, with the version
 * @param version the agent's version from its jar's manifest, or empty for no agent
 * @param jar the agent jar, or null for no agent
 */
public record AgentUnderTest(String key, String label, String version, Path jar) {

  public static final String NONE = "none";
  public static final String OFFICIAL = "official";
  public static final String LUMEN = "lumen";

  public static AgentUnderTest none() {
    return new AgentUnderTest(NONE, "no agent", "", null);
  }

  public static AgentUnderTest official(Path jar) {
    String version = version(jar);
    return new AgentUnderTest(OFFICIAL, "OpenTelemetry agent " + version, version, jar);
  }

  public static AgentUnderTest lumen(Path jar) {
    String version = version(jar);
    return new AgentUnderTest(LUMEN, "Lumen " + version, version, jar);
  }

  public boolean isAgent() {
    return !key.equals(NONE);
  }

  /** The JVM options that attach this agent: none, or {@code -javaagent:<jar>}. */
  public List<String> jvmArguments() {
    return jar == null ? List.of() : List.of("-javaagent:" + jar.toAbsolutePath());
  }

  /** The version in {@code jar}'s manifest ({@code Implementation-Version}). */
  static String version(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no agent jar at " + jar.toAbsolutePath());
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      String version =
          file.getManifest() == null
              ? null
              : file.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      return version == null ? "(unknown version)" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }
}
