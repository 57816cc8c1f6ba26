package io.lumen.smoketest.kubernetes;

import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;

import com.sun.security.auth.module.UnixSystem;
import io.lumen.examples.users.UsersService;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pod of the example Deployment as the OpenTelemetry Operator instruments it, reproduced on this
 * machine: the operator's injection ({@link OperatorJavaInjection}), the init containers' copies
 * run for real against the agent image's files, the kubelet's environment ({@link Kubelet}), and
 * the unmodified users service started with that environment and nothing else of ours.
 *
 * <p>Each container's file system is a directory: a container path {@code /x} is {@code
 * <root>/x}. The agent volume is the directory where the application container mounts it, {@code
 * <app root>/otel-auto-instrumentation-java-<container>}, so the JVM sees the operator's path
 * shape; the init container's mount point is a link to it.
 */
final class InstrumentedPod {

  private static final Pattern READY = Pattern.compile("users-service READY on http://[^:]+:(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final OperatorJavaInjection.Result injection;
  private final Kubelet.RunningPod runningPod;
  private final Path appRoot;
  private final Path volume;
  private final Path initRoot;

  private InstrumentedPod(
      OperatorJavaInjection.Result injection,
      Kubelet.RunningPod runningPod,
      Path appRoot,
      Path volume,
      Path initRoot) {
    this.injection = injection;
    this.runningPod = runningPod;
    this.appRoot = appRoot;
    this.volume = volume;
    this.initRoot = initRoot;
  }

  /**
   * Admits {@code pod} with {@code instrumentation} and prepares its file systems under {@code
   * directory} (empty). Nothing runs yet.
   */
  static InstrumentedPod admit(
      Path directory,
      Manifest instrumentation,
      PodAtAdmission pod,
      Kubelet.RunningPod runningPod) {
    OperatorJavaInjection.Result injection = OperatorJavaInjection.inject(instrumentation, pod);
    try {
      Path appRoot =
          Files.createDirectories(directory.resolve("containers").resolve(pod.containerName()));
      // The emptyDir: world-writable, as the kubelet creates it, so a non-root init container can
      // write into it.
      Path volume =
          Files.createDirectories(DockerfileImage.inImage(appRoot, injection.agentMountPath()));
      Files.setPosixFilePermissions(volume, DockerfileImage.permissions("0777"));
      Path initRoot = Files.createDirectories(directory.resolve("containers").resolve("init-java"));
      Files.createSymbolicLink(
          DockerfileImage.inImage(initRoot, OperatorJavaInjection.INIT_CONTAINER_MOUNT), volume);
      return new InstrumentedPod(injection, runningPod, appRoot, volume, initRoot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  OperatorJavaInjection.Result injection() {
    return injection;
  }

  /** The agent volume's directory on this machine. */
  Path agentVolume() {
    return volume;
  }

  /** Where the application container's path {@code containerPath} is on this machine. */
  Path appPath(String containerPath) {
    return DockerfileImage.inImage(appRoot, containerPath);
  }

  /**
   * Runs the Java init container's command with {@code imageRoot} as the image's file system, as
   * the image's {@code user} ({@code uid[:gid]}) when this process may switch users; returns the
   * user it ran as.
   */
  String runAgentInitContainer(Path imageRoot, String user) {
    return run(injection.initContainerCommand(), imageRoot, user);
  }

  /** Runs the init container of extension {@code index} with {@code imageRoot} as its image. */
  String runExtensionInitContainer(int index, Path imageRoot, String user) {
    return run(injection.extensionCommands().get(index).command(), imageRoot, user);
  }

  /** Puts {@code files} (name to content) where the operator mounts secret {@code secretName}. */
  void mountSecret(String secretName, Map<String, Path> files) {
    injection.secretMounts().forEach((mountPath, name) -> {
      if (name.equals(secretName)) {
        try {
          Path directory = Files.createDirectories(appPath(mountPath));
          for (Map.Entry<String, Path> file : files.entrySet()) {
            Files.copy(file.getValue(), directory.resolve(file.getKey()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  /**
   * The application container's process environment: what the kubelet makes of the injected
   * variables, with the operator's mount paths pointing at their directories here.
   */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    Kubelet.environment(injection.env(), runningPod)
        .forEach((name, value) -> environment.put(name, onThisMachine(value)));
    return environment;
  }

  /**
   * Starts the users service with the pod's environment, the variables the kubelet gives every
   * container ({@code KUBERNETES_SERVICE_*}), the given extra variables, and no agent of the
   * test's own: only {@code JAVA_TOOL_OPTIONS} attaches it.
   */
  ForkedJvm start(Map<String, String> extraEnvironment) {
    ForkedJvmBuilder builder =
        ForkedJvm.builder()
            .withoutAgent()
            .name(runningPod.name())
            .mainClass(UsersService.class)
            .addClassPathOf(UsersService.class)
            .args("--host", runningPod.podIp(), "--port", "0")
            .environment("KUBERNETES_SERVICE_HOST", "10.96.0.1")
            .environment("KUBERNETES_SERVICE_PORT", "443")
            .environment("HOSTNAME", runningPod.name());
    environment().forEach(builder::environment);
    extraEnvironment.forEach(builder::environment);
    return builder.start();
  }

  /** Waits for the service to serve and returns its port. */
  static int awaitReady(ForkedJvm app) {
    Matcher ready = READY.matcher(app.waitForOutput(READY, START_TIMEOUT));
    if (!ready.find()) {
      throw new AssertionError("no port in the ready line of " + app.name());
    }
    return Integer.parseInt(ready.group(1));
  }

  /** Rewrites the application container's mount paths in {@code value} to directories here. */
  private String onThisMachine(String value) {
    List<String> mounts = new ArrayList<>();
    mounts.add(injection.agentMountPath());
    mounts.addAll(injection.secretMounts().keySet());
    mounts.addAll(injection.configMapMounts().keySet());
    mounts.sort(Comparator.comparingInt(String::length).reversed());
    String result = value;
    for (String mount : mounts) {
      result = result.replace(mount + "/", appPath(mount) + "/");
    }
    return result;
  }

  private String run(List<String> command, Path imageRoot, String user) {
    try {
      openToOtherUsers(imageRoot);
      openToOtherUsers(initRoot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> process = new ArrayList<>();
    String ranAs = currentUser();
    boolean switchUser =
        isRoot()
            && !user.equals("0")
            && !user.startsWith("0:")
            && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    if (switchUser) {
      String[] ids = user.split(":");
      process.addAll(
          List.of(
              "/usr/bin/setpriv",
              "--reuid=" + ids[0],
              "--regid=" + (ids.length > 1 ? ids[1] : ids[0]),
              "--clear-groups"));
      ranAs = user;
    }
    // The image's cp (busybox) is the same POSIX cp as this machine's.
    process.add(command.get(0));
    for (String argument : command.subList(1, command.size())) {
      process.add(initContainerPath(argument, imageRoot));
    }
    try {
      Process copy = new ProcessBuilder(process).redirectErrorStream(true).start();
      String output = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!copy.waitFor(60, TimeUnit.SECONDS) || copy.exitValue() != 0) {
        throw new AssertionError(
            "init container command failed: " + String.join(" ", process) + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return ranAs;
  }

  /** An init container path: under the mounted volume, else in the image. */
  private String initContainerPath(String argument, Path imageRoot) {
    if (!argument.startsWith("/")) {
      return argument;
    }
    String mount = OperatorJavaInjection.INIT_CONTAINER_MOUNT;
    if (argument.equals(mount) || argument.startsWith(mount + "/")) {
      return DockerfileImage.inImage(initRoot, argument).toString();
    }
    // "/extensions/." keeps its trailing "/.": cp -r copies the directory's content.
    return imageRoot + argument;
  }

  private static boolean isRoot() {
    return new UnixSystem().getUid() == 0;
  }

  private static String currentUser() {
    UnixSystem system = new UnixSystem();
    return system.getUid() + ":" + system.getGid();
  }

  /**
   * Lets a non-root init container read the image and reach the volume: JUnit's temporary
   * directories are private to their owner, an image's and a pod's directories are not.
   */
  private static void openToOtherUsers(Path directory) throws IOException {
    for (Path ancestor = directory.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
      if (permissions.contains(OTHERS_EXECUTE)) {
        break;
      }
      permissions.add(OTHERS_EXECUTE);
      Files.setPosixFilePermissions(ancestor, permissions);
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
          permissions.add(OTHERS_EXECUTE);
          permissions.add(OTHERS_READ);
          Files.setPosixFilePermissions(path, permissions);
        }
      }
    }
  }
}
