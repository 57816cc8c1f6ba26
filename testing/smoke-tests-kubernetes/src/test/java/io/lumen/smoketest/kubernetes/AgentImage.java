package io.lumen.smoketest.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The agent image of {@code examples/kubernetes/image/Dockerfile}, reproduced in a directory from
 * the agent jar the build made ({@code lumen.agent.jar}), as {@code docker buildx build ...
 * agent/target} would build it.
 *
 * @param root the image's file system
 * @param dockerfile what the Dockerfile says
 */
record AgentImage(Path root, DockerfileImage dockerfile) {

  static Path dockerfilePath() {
    return Manifest.examplesDirectory().resolve("image").resolve("Dockerfile");
  }

  static Path agentJar() {
    String property = System.getProperty("lumen.agent.jar");
    if (property == null || !Files.isRegularFile(Path.of(property))) {
      throw new IllegalStateException(
          "the agent jar (system property lumen.agent.jar = " + property + ") does not exist:"
              + " build it first (mvn -f agent/pom.xml install -Dmaven.test.skip=true)");
    }
    return Path.of(property);
  }

  /** Builds the image's files under {@code directory}/image. */
  static AgentImage build(Path directory) throws IOException {
    // The build context is agent/target, where the jar has its own name.
    Path context = Files.createDirectories(directory.resolve("build-context"));
    Files.copy(agentJar(), context.resolve("lumen-javaagent.jar"), StandardCopyOption.REPLACE_EXISTING);
    DockerfileImage dockerfile = DockerfileImage.parse(dockerfilePath());
    Path root = Files.createDirectories(directory.resolve("image"));
    dockerfile.reproduce(context, root);
    return new AgentImage(root, dockerfile);
  }

  Path javaagentJar() {
    return DockerfileImage.inImage(root, "/javaagent.jar");
  }
}
