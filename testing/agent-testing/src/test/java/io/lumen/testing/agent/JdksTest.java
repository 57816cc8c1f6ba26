package io.lumen.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

  @TempDir Path dir;

  @Test
  void prefersTheEnvironmentVariableThenTheSystemPropertyThenTheSystemDirectory()
      throws IOException {
    Path fromEnv = fakeJdk(dir.resolve("env-jdk"), "25.0.1");
    Path fromProperty = fakeJdk(dir.resolve("property-jdk"), "25");
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    Path system = fakeJdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.2");
    Properties properties = new Properties();
    properties.setProperty("java25.home", fromProperty.toString());

    assertThat(Jdks.find(25, Map.of("JAVA25_HOME", fromEnv.toString()), properties, jvms))
        .contains(fromEnv.resolve("bin/java"));
    assertThat(Jdks.find(25, Map.of(), properties, jvms))
        .contains(fromProperty.resolve("bin/java"));
    assertThat(Jdks.find(25, Map.of(), new Properties(), jvms))
        .contains(system.resolve("bin/java"));
  }

  @Test
  void skipsCandidatesOfAnotherVersionOrWithoutJava() throws IOException {
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    fakeJdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.9");
    fakeJdk(jvms.resolve("jdk-125"), "125"); // 25 is not a separate number in the name
    Files.createDirectories(jvms.resolve("temurin-25-jre-broken"));
    Path wrongVersion = fakeJdk(dir.resolve("mislabelled"), "21.0.1");

    assertThat(Jdks.find(25, Map.of("JAVA25_HOME", wrongVersion.toString()), new Properties(),
            jvms))
        .isEmpty();
    assertThat(Jdks.find(25, Map.of(), new Properties(), dir.resolve("no-such-dir"))).isEmpty();
    assertThat(Jdks.notFoundMessage(25)).startsWith("JDK 25 not found: set JAVA25_HOME");
  }

  @Test
  void currentIsTheJavaRunningTheTests() {
    assertThat(Jdks.current()).isExecutable();
    assertThat(Jdks.current().toString()).startsWith(System.getProperty("java.home"));
  }

  private static Path fakeJdk(Path home, String version) throws IOException {
    Path java = home.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version
        + "\"\n");
    return home;
  }
}
