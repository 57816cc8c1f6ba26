package io.lumen.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of a multi-release library's entries the agent class loader picks on which JDK: an agent
 * jar laid out as the build lays it out, with a class and a resource in three variants (plain, for
 * JDK 11+, for JDK 17+).
 */
class AgentClassLoaderTest {

  @TempDir static Path directory;

  private static File agentJar;

  @BeforeAll
  static void buildAgentJar() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<String, byte[]>();
    entries.put("inst/", null);
    entries.put("inst/probe/", null);
    entries.put("inst/probe/Variant.classdata", compileVariant("plain"));
    entries.put("inst/probe/variant.txt", bytes("plain"));
    entries.put("inst/META-INF/", null);
    entries.put("inst/META-INF/services/", null);
    entries.put("inst/META-INF/services/probe.Service", bytes("plain"));
    entries.put("inst/META-INF/versions/", null);
    for (String release : new String[] {"11", "17"}) {
      String versionDirectory = "inst/META-INF/versions/" + release + "/";
      entries.put(versionDirectory, null);
      entries.put(versionDirectory + "probe/", null);
      entries.put(versionDirectory + "probe/Variant.classdata", compileVariant(release));
      entries.put(versionDirectory + "probe/variant.txt", bytes(release));
      entries.put(versionDirectory + "META-INF/", null);
      entries.put(versionDirectory + "META-INF/services/", null);
      entries.put(versionDirectory + "META-INF/services/probe.Service", bytes(release));
    }
    entries.put("inst/META-INF/versions/17/probe/OnlyOn17.classdata", compile("OnlyOn17", ""));
    agentJar = directory.resolve("agent.jar").toFile();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(agentJar.toPath()))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        if (entry.getValue() != null) {
          jar.write(entry.getValue());
        }
        jar.closeEntry();
      }
    }
  }

  @Test
  void java8UsesThePlainEntries() throws Exception {
    AgentClassLoader loader = new AgentClassLoader(agentJar, 8);

    assertThat(variantOf(loader)).isEqualTo("plain");
    assertThat(resource(loader, "probe/variant.txt")).isEqualTo("plain");
    assertThatThrownBy(() -> loader.loadClass("probe.OnlyOn17"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void eachJdkUsesTheHighestVersionItReaches() throws Exception {
    assertThat(variantOf(new AgentClassLoader(agentJar, 11))).isEqualTo("11");
    assertThat(variantOf(new AgentClassLoader(agentJar, 16))).isEqualTo("11");
    assertThat(variantOf(new AgentClassLoader(agentJar, 17))).isEqualTo("17");
    assertThat(variantOf(new AgentClassLoader(agentJar, 25))).isEqualTo("17");
    assertThat(resource(new AgentClassLoader(agentJar, 16), "probe/variant.txt")).isEqualTo("11");
    assertThat(resource(new AgentClassLoader(agentJar, 25), "probe/variant.txt")).isEqualTo("17");
  }

  @Test
  void aClassOnlyForNewerJdksLoadsOnlyThere() throws Exception {
    assertThatThrownBy(() -> new AgentClassLoader(agentJar, 11).loadClass("probe.OnlyOn17"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(new AgentClassLoader(agentJar, 11).getResource("probe/OnlyOn17.class")).isNull();

    AgentClassLoader loader = new AgentClassLoader(agentJar, 17);
    assertThat(loader.loadClass("probe.OnlyOn17").getClassLoader()).isSameAs(loader);
    // What Byte Buddy and the reference checks read: the bytes of the class that loads.
    assertThat(loader.getResource("probe/OnlyOn17.class").toString())
        .endsWith("!/inst/META-INF/versions/17/probe/OnlyOn17.classdata");
    assertThat(loader.getResource("probe/Variant.class").toString())
        .endsWith("!/inst/META-INF/versions/17/probe/Variant.classdata");
  }

  @Test
  void metaInfIsNeverVersioned() throws Exception {
    AgentClassLoader loader = new AgentClassLoader(agentJar, 25);

    assertThat(resource(loader, "META-INF/services/probe.Service")).isEqualTo("plain");
    assertThat(Collections.list(loader.getResources("META-INF/services/probe.Service"))).hasSize(1);
  }

  @Test
  void knowsTheRunningJdksRelease() throws Exception {
    // Runtime.version() (Java 9+) by reflection: this test compiles for Java 8, like the loader.
    Object version = Runtime.class.getMethod("version").invoke(null);
    int major = (Integer) version.getClass().getMethod("major").invoke(version);

    assertThat(AgentClassLoader.currentJavaRelease()).isEqualTo(major).isGreaterThanOrEqualTo(9);
  }

  private static String variantOf(ClassLoader loader) throws Exception {
    Class<?> variant = loader.loadClass("probe.Variant");
    assertThat(variant.getClassLoader()).isSameAs(loader);
    return variant.getDeclaredConstructor().newInstance().toString();
  }

  private static String resource(ClassLoader loader, String name) throws IOException {
    URL url = loader.getResource(name);
    assertThat(url).as(name).isNotNull();
    try (InputStream in = url.openStream()) {
      return new String(readAll(in), StandardCharsets.UTF_8);
    }
  }

  private static byte[] compileVariant(String variant) throws IOException {
    return compile(
        "Variant", "@Override public String toString() { return \"" + variant + "\"; }");
  }

  /** The class file of {@code probe.<simpleName>}, compiled for Java 8 from {@code body}. */
  private static byte[] compile(String simpleName, String body) throws IOException {
    Path sources = Files.createTempDirectory(directory, "src");
    Path source = sources.resolve(simpleName + ".java");
    Files.write(
        source,
        bytes("package probe; public class " + simpleName + " { " + body + " }"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        compiler.run(
            null, null, errors, "--release", "8", "-d", sources.toString(), source.toString());
    assertThat(status).as(new String(errors.toByteArray(), StandardCharsets.UTF_8)).isZero();
    return Files.readAllBytes(sources.resolve("probe").resolve(simpleName + ".class"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
