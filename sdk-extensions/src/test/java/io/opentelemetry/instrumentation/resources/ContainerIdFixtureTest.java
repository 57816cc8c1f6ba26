package io.opentelemetry.instrumentation.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The container id detector Lumen ships (from opentelemetry-resources) against /proc/self/cgroup
 * and /proc/self/mountinfo files in the formats real runtimes write. It lives in the detector's
 * package because that is where its file-reading seams are.
 */
class ContainerIdFixtureTest {

  private static final AttributeKey<String> CONTAINER_ID = AttributeKey.stringKey("container.id");

  private static final String DOCKER_V1 =
      "3c2d5b0e8f1a4b6c9d7e2f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c";
  private static final String CONTAINERD = "b5d7e1a3c9f24e6b8d0a2c4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a";
  private static final String CRIO = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String ECS = "d2a1c4b3e6f5a8b7c0d9e2f1a4b3c6d5e8f7a0b9c2d1e4f3a6b5c8d7e0f9a2b1";
  private static final String DOCKER_V2 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({
    // cgroup v1: the id is in /proc/self/cgroup.
    "docker-v1.cgroup,                        host-v2.mountinfo,                  " + DOCKER_V1,
    "kubernetes-containerd-systemd-v1.cgroup, host-v2.mountinfo,                  " + CONTAINERD,
    "kubernetes-crio-v1.cgroup,               host-v2.mountinfo,                  " + CRIO,
    "ecs-v1.cgroup,                           host-v2.mountinfo,                  " + ECS,
    // cgroup v2: /proc/self/cgroup is just "0::/", the id comes from the bind mounts.
    "unified-v2.cgroup,                       docker-v2.mountinfo,                " + DOCKER_V2,
    "unified-v2.cgroup,                       podman-v2.mountinfo,                " + DOCKER_V1,
    // Kubernetes with containerd on cgroup v2 exposes only the pod sandbox's id, which is not the
    // container's: better no container.id than a wrong one.
    "unified-v2.cgroup,                       kubernetes-containerd-v2.mountinfo, ",
    // Not in a container.
    "host-v1.cgroup,                          host-v2.mountinfo,                  ",
    "unified-v2.cgroup,                       host-v2.mountinfo,                  ",
  })
  void containerIdFromRealFormats(String cgroupFile, String mountinfoFile, @Nullable String expected) {
    ContainerResource.Filesystem fixtures =
        new FixtureFilesystem(fixture(cgroupFile), fixture(mountinfoFile));
    ContainerResource detector =
        new ContainerResource(
            new CgroupV1ContainerIdExtractor(fixtures), new CgroupV2ContainerIdExtractor(fixtures));

    assertThat(detector.buildResource().getAttribute(CONTAINER_ID)).isEqualTo(expected);
  }

  private static Path fixture(String name) {
    try {
      return Paths.get(ContainerIdFixtureTest.class.getResource("/cgroup/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves the fixtures where the detector reads /proc/self/cgroup and /proc/self/mountinfo. */
  private static final class FixtureFilesystem extends ContainerResource.Filesystem {
    private final Path cgroup;
    private final Path mountinfo;

    FixtureFilesystem(Path cgroup, Path mountinfo) {
      super(() -> "Linux");
      this.cgroup = cgroup;
      this.mountinfo = mountinfo;
    }

    private Path redirect(Path path) {
      if (path.equals(CgroupV1ContainerIdExtractor.V1_CGROUP_PATH)) {
        return cgroup;
      }
      if (path.equals(CgroupV2ContainerIdExtractor.V2_CGROUP_PATH)) {
        return mountinfo;
      }
      throw new AssertionError("unexpected read of " + path);
    }

    @Override
    boolean isReadable(Path path) {
      return Files.isReadable(redirect(path));
    }

    @Override
    Stream<String> lines(Path path) throws IOException {
      return Files.lines(redirect(path));
    }
  }

}
