package io.lumen.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent jar as built: what any class loader can see, and what runs on Java 8. */
class AgentJarTest {

  private static final int JAVA_8_MAJOR_VERSION = 52;

  /** Classes of multi-release libraries for JDK release N: inst/META-INF/versions/N/... */
  private static final Pattern VERSIONED_CLASS =
      Pattern.compile("inst/META-INF/versions/(\\d+)/(.*)\\.classdata");

  /**
   * Instrumentations of APIs that only newer JDKs have (java.net.http is Java 11) are compiled for
   * those JDKs. On Java 8 their classes never load: the library they instrument is absent, and a
   * module class that fails to load is skipped at start-up.
   */
  private static final Map<String, Integer> NEWER_JDK_MODULES =
      Map.of("inst/io/lumen/instrumentation/javahttpclient/", 55);

  private static JarFile jar;

  @BeforeAll
  static void openAgentJar() throws IOException {
    Path path = Paths.get(System.getProperty("lumen.agent.jar"));
    assertThat(path).as("agent jar (build it with mvn package)").exists();
    jar = new JarFile(path.toFile());
  }

  @Test
  void everyClassRunsOnJava8() throws IOException {
    List<String> tooNew = new ArrayList<>();
    int classes = 0;
    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
      JarEntry entry = entries.nextElement();
      String name = entry.getName();
      if (!name.endsWith(".class") && !name.endsWith(".classdata")) {
        continue;
      }
      classes++;
      int major = majorVersion(entry);
      Matcher versioned = VERSIONED_CLASS.matcher(name);
      int allowed =
          versioned.matches()
              // loaded only on JDK release N or later: class file version 44 + N
              ? 44 + Integer.parseInt(versioned.group(1))
              : NEWER_JDK_MODULES.entrySet().stream()
                  .filter(module -> name.startsWith(module.getKey()))
                  .mapToInt(Map.Entry::getValue)
                  .findFirst()
                  .orElse(JAVA_8_MAJOR_VERSION);
      if (major > allowed) {
        tooNew.add(name + " (class file version " + major + ")");
      }
    }
    assertThat(classes).isGreaterThan(1000);
    assertThat(tooNew).as("classes that need a JDK newer than 8").isEmpty();
  }

  @Test
  void onlyBootstrapClassesAreLoadableFromTheJar() {
    List<String> visible = new ArrayList<>();
    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
      String name = entries.nextElement().getName();
      if (name.endsWith(".class")) {
        visible.add(name);
      }
    }
    assertThat(visible)
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThat(name)
                    .matches(
                        "io/lumen/bootstrap/.*|io/lumen/agent/LumenAgent\\.class"
                            + "|io/lumen/shaded/io/opentelemetry/(api|context|common)/.*"));
    assertThat(visible).contains("io/lumen/bootstrap/AgentClassLoader.class");
  }

  @Test
  void agentClassesAreHiddenAndRelocated() {
    List<String> hidden = new ArrayList<>();
    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
      String name = entries.nextElement().getName();
      if (name.startsWith("inst/") && name.endsWith(".classdata")) {
        hidden.add(name.replaceFirst("^inst/META-INF/versions/\\d+/", "inst/"));
      }
    }
    assertThat(hidden)
        .contains(
            "inst/io/lumen/agent/tooling/AgentInstaller.classdata",
            "inst/io/lumen/shaded/net/bytebuddy/ByteBuddy.classdata",
            "inst/io/lumen/shaded/io/opentelemetry/sdk/OpenTelemetrySdk.classdata")
        .allSatisfy(name -> assertThat(name).startsWith("inst/io/lumen/"));
  }

  /**
   * The classes multi-release libraries have for newer JDKs (runtime-telemetry's JFR metrics for
   * 17) are kept, at the relocated path their relocated name says, in version directories the
   * agent class loader finds by their directory entries.
   */
  @Test
  void versionedClassesAreWhereTheirNamesSay() throws IOException {
    List<String> misplaced = new ArrayList<>();
    List<String> versioned = new ArrayList<>();
    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
      JarEntry entry = entries.nextElement();
      Matcher matcher = VERSIONED_CLASS.matcher(entry.getName());
      if (!matcher.matches()) {
        continue;
      }
      versioned.add(entry.getName());
      if (!className(entry).equals(matcher.group(2))) {
        misplaced.add(entry.getName() + " holds " + className(entry));
      }
      assertThat(jar.getJarEntry("inst/META-INF/versions/" + matcher.group(1) + "/"))
          .as("directory entry of version " + matcher.group(1))
          .isNotNull();
    }
    assertThat(versioned)
        .contains(
            "inst/META-INF/versions/17/io/lumen/shaded/io/opentelemetry/instrumentation/"
                + "runtimetelemetry/internal/HandlerRegistry.classdata");
    assertThat(misplaced).as("versioned classes not at their relocated path").isEmpty();
    assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release"))
        .as("the jar itself is no multi-release jar: its versioned classes are hidden")
        .isNull();
  }

  @Test
  void manifestDeclaresTheAgent() throws IOException {
    Attributes attributes = jar.getManifest().getMainAttributes();
    assertThat(attributes.getValue("Premain-Class")).isEqualTo("io.lumen.agent.LumenAgent");
    assertThat(attributes.getValue("Main-Class")).isEqualTo("io.lumen.agent.LumenAgent");
    assertThat(attributes.getValue("Can-Retransform-Classes")).isEqualTo("true");
    // Puts the jar on the bootstrap path before premain: no CDS warning in the application's output.
    assertThat(attributes.getValue("Boot-Class-Path")).isEqualTo("lumen-javaagent.jar javaagent.jar");
    assertThat(attributes.getValue("Implementation-Version")).isNotBlank();
  }

  @Test
  void sizeStaysReasonable() throws IOException {
    // The operator's emptyDir for the agent is 200Mi; stay far below that.
    assertThat(Files.size(Paths.get(jar.getName()))).isLessThan(30L * 1024 * 1024);
  }

  /**
   * The internal name ({@code a/b/C}) of the class in {@code entry}, from its constant pool: read
   * here rather than with an ASM that may not know the newest class file versions.
   */
  private static String className(JarEntry entry) throws IOException {
    try (DataInputStream data = new DataInputStream(jar.getInputStream(entry))) {
      data.readInt(); // magic
      data.readInt(); // minor and major version
      int count = data.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] classNameIndex = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = data.readUTF();
          case 7 -> classNameIndex[i] = data.readUnsignedShort();
          case 8, 16, 19, 20 -> data.skipBytes(2);
          case 15 -> data.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
          case 5, 6 -> {
            data.skipBytes(8);
            i++; // takes two entries
          }
          default -> throw new IOException(entry.getName() + ": constant pool tag " + tag);
        }
      }
      data.readUnsignedShort(); // access flags
      return utf8[classNameIndex[data.readUnsignedShort()]];
    }
  }

  private static int majorVersion(JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry);
        DataInputStream data = new DataInputStream(in)) {
      int magic = data.readInt();
      assertThat(magic).as(entry.getName() + " is a class file").isEqualTo(0xCAFEBABE);
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }
}
