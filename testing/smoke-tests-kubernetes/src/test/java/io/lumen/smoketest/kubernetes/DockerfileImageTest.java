package io.lumen.smoketest.kubernetes;

import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.kubernetes.extension.ExtensionResourceProvider;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.ReceivedSpan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/kubernetes/image/Dockerfile, built on the file system (Docker does not run here): the
 * image holds what the operator's init container needs, the operator's copy works as a non-root
 * user, and the agent runs from whatever path the operator mounts it at, with extensions.
 */
class DockerfileImageTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** The operator's default emptyDir size limit for the agent volume. */
  private static final long VOLUME_LIMIT_BYTES = 200L * 1024 * 1024;

  @TempDir static Path directory;
  private static AgentImage image;
  private static Path extensionImage;
  private static NodeLocalCollector collector;
  private static final AtomicInteger pods = new AtomicInteger();

  @BeforeAll
  static void buildImages() throws IOException {
    image = AgentImage.build(directory);
    extensionImage = Files.createDirectories(directory.resolve("extension-image"));
    writeExtensionJar(
        Files.createDirectories(extensionImage.resolve("extensions"))
            .resolve("lumen-test-extension.jar"));
    collector = NodeLocalCollector.start();
  }

  @AfterAll
  static void stopCollector() {
    collector.close();
  }

  @Test
  void theImageHasWhatTheOperatorsInitContainerNeeds() throws IOException {
    DockerfileImage dockerfile = image.dockerfile();

    // busybox: a small base that has cp on the PATH, published for amd64 and arm64.
    assertThat(dockerfile.baseImage()).startsWith("busybox:");
    assertThat(dockerfile.copies())
        .containsExactly(new DockerfileImage.CopiedFile("lumen-javaagent.jar", "/javaagent.jar", "0444"));
    assertThat(Integer.parseInt(dockerfile.user().split(":")[0]))
        .as("runs as a non-root user").isGreaterThan(0);

    Path jar = image.javaagentJar();
    assertThat(jar).hasSameBinaryContentAs(AgentImage.agentJar());
    assertThat(Files.getPosixFilePermissions(jar))
        .as("readable by any user, writable by none")
        .contains(OTHERS_READ)
        .doesNotContain(OTHERS_WRITE, GROUP_WRITE);
    assertThat(Files.size(jar)).isLessThan(VOLUME_LIMIT_BYTES / 4);
  }

  @Test
  void theOperatorsCopyWorksAsTheImagesUserAndFitsTheVolumeWithExtensions() throws IOException {
    InstrumentedPod pod = admit("users-service", withExtensions());

    String agentUser = pod.runAgentInitContainer(image.root(), image.dockerfile().user());
    pod.runExtensionInitContainer(0, extensionImage, image.dockerfile().user());

    Path copied = pod.agentVolume().resolve("javaagent.jar");
    assertThat(copied).hasSameBinaryContentAs(AgentImage.agentJar());
    assertThat(Files.getPosixFilePermissions(copied)).contains(OTHERS_READ);
    assertThat(pod.agentVolume().resolve("extensions").resolve("lumen-test-extension.jar"))
        .isRegularFile();
    if (!agentUser.equals(image.dockerfile().user())) {
      System.err.println(
          "Not root: the init container's copy ran as " + agentUser + ", not as the image's user "
              + image.dockerfile().user());
    }
    long used;
    try (Stream<Path> files = Files.walk(pod.agentVolume())) {
      used = files.filter(Files::isRegularFile).mapToLong(DockerfileImageTest::size).sum();
    }
    assertThat(used).as("bytes in the agent volume").isLessThan(VOLUME_LIMIT_BYTES / 4);
  }

  @ParameterizedTest(name = "container {0}")
  @ValueSource(strings = {"app", "users-service", "checkout-api-with-a-long-container-name-0123456789"})
  void theAgentRunsFromTheOperatorsMountPathWithExtensionsAppendedToExistingOptions(
      String containerName) throws Exception {
    InstrumentedPod pod = admit(containerName, withExtensions());
    pod.runAgentInitContainer(image.root(), image.dockerfile().user());
    pod.runExtensionInitContainer(0, extensionImage, image.dockerfile().user());

    String mountPath = "/otel-auto-instrumentation-java-" + containerName;
    assertThat(pod.injection().env("JAVA_TOOL_OPTIONS").value())
        .isEqualTo(
            "-XX:MaxRAMPercentage=75 -javaagent:" + mountPath + "/javaagent.jar"
                + " -Dotel.javaagent.extensions=" + mountPath + "/extensions");

    try (ForkedJvm app = pod.start(Map.of("OTEL_BSP_SCHEDULE_DELAY", "100"))) {
      int port = InstrumentedPod.awaitReady(app);
      OperatorInjectionSmokeTest.get(port, "/users/1?container=" + containerName, Map.of());

      ReceivedSpan span =
          collector.receiver()
              .awaitSpan(s -> ("container=" + containerName).equals(s.attribute("url.query")), TIMEOUT);
      assertThat(span.resourceAttributes())
          .containsEntry("k8s.container.name", containerName)
          .containsEntry(ExtensionResourceProvider.ATTRIBUTE, ExtensionResourceProvider.VALUE);
      assertThat(app.stderr())
          .contains("(extensions: 1 jars)")
          .doesNotContain("Sharing is only supported")
          .doesNotContain("ERROR");
    }
  }

  private static InstrumentedPod admit(String containerName, Manifest instrumentation) {
    PodAtAdmission pod =
        PodAtAdmission.fromDeployment(
                Manifest.find("deployment.yaml", "Deployment", "users-service"),
                "6b7c8d9e0", "rs-uid", "deployment-uid")
            .withContainerName(containerName);
    return InstrumentedPod.admit(
        directory.resolve("pod-" + pods.incrementAndGet()),
        instrumentation,
        pod,
        new Kubelet.RunningPod(
            "users-service-6b7c8d9e0-" + containerName.length(), "pod-uid", "worker-1",
            collector.nodeIp(), "127.0.0.1"));
  }

  /** The example Instrumentation with one extension image, as a platform team adds one. */
  private static Manifest withExtensions() {
    return AgentStartupSmokeTest.exampleInstrumentation()
        .with(
            List.of(Map.of("image", "registry.example.com/lumen/extensions:1.0", "dir", "/extensions")),
            "spec", "java", "extensions");
  }

  /** Packages the test extension as an agent extension jar: its class and its service file. */
  private static void writeExtensionJar(Path jar) throws IOException {
    String classFile = ExtensionResourceProvider.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(classFile));
      try (var in = ExtensionResourceProvider.class.getClassLoader().getResourceAsStream(classFile)) {
        in.transferTo(out);
      }
      out.closeEntry();
      out.putNextEntry(
          new JarEntry("META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider"));
      out.write((ExtensionResourceProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
