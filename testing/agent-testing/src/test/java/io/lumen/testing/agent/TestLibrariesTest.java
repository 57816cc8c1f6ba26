package io.lumen.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLibrariesTest {

  @TempDir Path repository;

  @Test
  void locatesAJarByCoordinateInMavenRepositoryLayout() throws IOException {
    Path jar = jarAt("com/h2database/h2/2.3.232/h2-2.3.232.jar");
    Path sources = jarAt("com/h2database/h2/2.3.232/h2-2.3.232-sources.jar");

    assertThat(TestLibraries.jar(repository, "com.h2database:h2:2.3.232")).isEqualTo(jar);
    assertThat(TestLibraries.jar(repository, "com.h2database:h2:2.3.232:sources"))
        .isEqualTo(sources);
  }

  @Test
  void namesTheCoordinateWhenTheJarIsMissing() {
    assertThatThrownBy(() -> TestLibraries.jar(repository, "org.example:absent:1.0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Test library org.example:absent:1.0 is not in the local Maven")
        .hasMessageContaining(
            repository.resolve("org/example/absent/1.0/absent-1.0.jar").toString());
    assertThatThrownBy(() -> TestLibraries.jar(repository, "org.example:absent"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Maven coordinate");
  }

  @Test
  void readsTheRepositoryThisBuildUses() {
    // JUnit itself was resolved from the local repository that runs this test.
    Path junitJar =
        Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    assertThat(junitJar).startsWith(TestLibraries.localRepository());
  }

  private Path jarAt(String path) throws IOException {
    Path jar = repository.resolve(path);
    Files.createDirectories(jar.getParent());
    return Files.createFile(jar);
  }
}
