package io.lumen.testing.agent;

import io.lumen.testing.receiver.OtlpReceiver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Describes a JVM to fork and starts it. By default it runs the current JDK's {@code java} with
 * the Lumen agent from the system property {@code lumen.agent.jar} (which the root pom's surefire
 * configuration sets).
 *
 * <p>The forked JVM inherits this process's environment except variables that would change its
 * telemetry behind the test's back: every {@code OTEL_*} variable, {@code JAVA_TOOL_OPTIONS} and
 * {@code JDK_JAVA_OPTIONS}. Set them explicitly with {@link #environment} when a test needs them.
 */
public final class ForkedJvmBuilder {

  /** The system property naming the agent jar. */
  public static final String AGENT_JAR_PROPERTY = "lumen.agent.jar";

  private Path javaExecutable = Jdks.current();
  private String mainClass;
  private Path jar;
  private final List<String> classPath = new ArrayList<>();
  private boolean withAgent = true;
  private Path agentJar;
  private final List<String> jvmArgs = new ArrayList<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private Path workingDirectory;
  private String name;
  private boolean echoOutput = true;

  ForkedJvmBuilder() {}

  /** The {@code java} binary to run, for example one from {@link Jdks#java25()}. */
  public ForkedJvmBuilder javaExecutable(Path javaExecutable) {
    this.javaExecutable = javaExecutable;
    return this;
  }

  /** Runs {@code mainClass} from the class path. */
  public ForkedJvmBuilder mainClass(String mainClass) {
    this.mainClass = mainClass;
    this.jar = null;
    return this;
  }

  /** Runs {@code mainClass} from the class path. */
  public ForkedJvmBuilder mainClass(Class<?> mainClass) {
    return mainClass(mainClass.getName());
  }

  /** Runs an executable jar ({@code java -jar}). */
  public ForkedJvmBuilder jar(Path jar) {
    this.jar = jar;
    this.mainClass = null;
    return this;
  }

  /** Adds jars or directories to the class path. */
  public ForkedJvmBuilder addClassPath(Path... entries) {
    Arrays.stream(entries).map(Path::toString).forEach(classPath::add);
    return this;
  }

  /** Adds jars or directories to the class path. */
  public ForkedJvmBuilder addClassPath(List<Path> entries) {
    return addClassPath(entries.toArray(new Path[0]));
  }

  /** Adds the jar or directory each class was loaded from, for example a test's main class. */
  public ForkedJvmBuilder addClassPathOf(Class<?>... classes) {
    for (Class<?> type : classes) {
      try {
        addClassPath(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | NullPointerException e) {
        throw new IllegalArgumentException("cannot tell where " + type + " was loaded from", e);
      }
    }
    return this;
  }

  /**
   * Adds this test JVM's whole class path (surefire's real test class path, not its manifest-only
   * booter jar).
   */
  public ForkedJvmBuilder inheritClassPath() {
    String testClassPath = System.getProperty("surefire.test.class.path");
    String path = testClassPath != null ? testClassPath : System.getProperty("java.class.path");
    Arrays.stream(path.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .forEach(classPath::add);
    return this;
  }

  /** Runs without any agent, for baselines and for testing this class. */
  public ForkedJvmBuilder withoutAgent() {
    this.withAgent = false;
    return this;
  }

  /** Runs with this agent jar instead of the one from {@code lumen.agent.jar}. */
  public ForkedJvmBuilder agent(Path agentJar) {
    this.withAgent = true;
    this.agentJar = agentJar;
    return this;
  }

  /** Adds JVM options, placed after {@code -javaagent}, for example {@code -Xmx256m}. */
  public ForkedJvmBuilder addJvmArgs(String... jvmArgs) {
    this.jvmArgs.addAll(Arrays.asList(jvmArgs));
    return this;
  }

  /** Sets a {@code -D} system property of the forked JVM. */
  public ForkedJvmBuilder systemProperty(String key, String value) {
    systemProperties.put(key, value);
    return this;
  }

  /** Sets an environment variable of the forked JVM. */
  public ForkedJvmBuilder environment(String key, String value) {
    environment.put(key, value);
    return this;
  }

  /** Sets {@code JAVA_TOOL_OPTIONS}, the way users attach agents in containers. */
  public ForkedJvmBuilder javaToolOptions(String options) {
    return environment("JAVA_TOOL_OPTIONS", options);
  }

  /** Sets {@code OTEL_SERVICE_NAME}. */
  public ForkedJvmBuilder serviceName(String serviceName) {
    return environment("OTEL_SERVICE_NAME", serviceName);
  }

  /** Exports all signals to {@code receiver} over OTLP/HTTP protobuf, quickly. */
  public ForkedJvmBuilder exportTo(OtlpReceiver receiver) {
    return exportTo(receiver, OtlpProtocol.HTTP_PROTOBUF);
  }

  /**
   * Exports all signals to {@code receiver} with {@code protocol}, with short export delays so a
   * test does not wait for the default five seconds of the batch span processor or the minute of
   * the metric reader.
   */
  public ForkedJvmBuilder exportTo(OtlpReceiver receiver, OtlpProtocol protocol) {
    environment("OTEL_EXPORTER_OTLP_ENDPOINT", protocol.endpoint(receiver));
    environment("OTEL_EXPORTER_OTLP_PROTOCOL", protocol.configValue());
    environment("OTEL_BSP_SCHEDULE_DELAY", "100");
    environment("OTEL_METRIC_EXPORT_INTERVAL", "500");
    environment("OTEL_BLRP_SCHEDULE_DELAY", "100");
    return this;
  }

  /** Adds program arguments. */
  public ForkedJvmBuilder args(String... args) {
    this.args.addAll(Arrays.asList(args));
    return this;
  }

  public ForkedJvmBuilder workingDirectory(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
    return this;
  }

  /** The name that prefixes echoed output lines; the main class's simple name by default. */
  public ForkedJvmBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** Whether to echo the forked JVM's output to this JVM's stderr; true by default. */
  public ForkedJvmBuilder echoOutput(boolean echoOutput) {
    this.echoOutput = echoOutput;
    return this;
  }

  /** The command line {@link #start()} runs. */
  public List<String> command() {
    if (mainClass == null && jar == null) {
      throw new IllegalStateException("set a main class or a jar to run");
    }
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    if (withAgent) {
      command.add("-javaagent:" + resolveAgentJar());
    }
    command.addAll(jvmArgs);
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    if (!classPath.isEmpty()) {
      command.add("-cp");
      command.add(String.join(File.pathSeparator, classPath));
    }
    if (jar != null) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add(mainClass);
    }
    command.addAll(args);
    return command;
  }

  private Path resolveAgentJar() {
    Path agent = agentJar;
    if (agent == null) {
      String property = System.getProperty(AGENT_JAR_PROPERTY);
      if (property == null || property.isEmpty()) {
        throw new IllegalStateException(
            "System property " + AGENT_JAR_PROPERTY + " is not set: run the test through Maven"
                + " (the root pom sets it), pass -D" + AGENT_JAR_PROPERTY + "=<path>, or use"
                + " withoutAgent()");
      }
      agent = Path.of(property);
    }
    if (!Files.isRegularFile(agent)) {
      throw new IllegalStateException(
          "Agent jar " + agent + " does not exist: build it first"
              + " (cd /work/main && mvn install -pl agent -am -DskipTests)");
    }
    return agent;
  }

  /** Starts the JVM; its output is drained (and echoed) from now on. */
  public ForkedJvm start() {
    List<String> command = command();
    ProcessBuilder processBuilder = new ProcessBuilder(command);
    Map<String, String> env = processBuilder.environment();
    env.keySet()
        .removeIf(
            key ->
                key.startsWith("OTEL_")
                    || key.equals("JAVA_TOOL_OPTIONS")
                    || key.equals("JDK_JAVA_OPTIONS"));
    env.putAll(environment);
    if (workingDirectory != null) {
      processBuilder.directory(workingDirectory.toFile());
    }
    String displayName = name != null ? name : defaultName();
    try {
      Process process = processBuilder.start();
      return new ForkedJvm(process, displayName, command, echoOutput);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start " + command.stream().collect(Collectors.joining(" ")), e);
    }
  }

  private String defaultName() {
    if (jar != null) {
      return jar.getFileName().toString();
    }
    return mainClass.substring(mainClass.lastIndexOf('.') + 1);
  }
}
