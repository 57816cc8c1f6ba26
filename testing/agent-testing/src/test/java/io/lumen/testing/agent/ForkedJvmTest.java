package io.lumen.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumen.testing.receiver.OtlpReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedJvmTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void runsAMainClassAndCapturesItsOutputAndExitCode() {
    try (ForkedJvm jvm =
        ForkedJvm.builder()
            .withoutAgent()
            .mainClass(ForkedMain.class)
            .addClassPathOf(ForkedMain.class)
            .systemProperty("greeting", "hello")
            .environment("GREETING_ENV", "from-env")
            .args("3")
            .start()) {

      assertThat(jvm.waitForExit(TIMEOUT)).isEqualTo(3);

      assertThat(jvm.exitCode()).hasValue(3);
      assertThat(jvm.isAlive()).isFalse();
      assertThat(jvm.stdout())
          .contains("args=3\n", "greeting=hello\n", "GREETING_ENV=from-env\n")
          .endsWith("prompt without newline> ");
      assertThat(jvm.stderr()).contains("this goes to stderr");
      assertThat(jvm.command()).doesNotContain("-javaagent").contains("-Dgreeting=hello");
    }
  }

  @Test
  void waitsForOutputThenStopsGracefullySoShutdownHooksRun() {
    ForkedJvm jvm =
        ForkedJvm.builder()
            .withoutAgent()
            .mainClass(ForkedMain.class)
            .inheritClassPath()
            .args("wait")
            .start();
    try {
      assertThat(jvm.waitForOutput("prompt without newline> ", TIMEOUT))
          .isEqualTo("prompt without newline> ");
      assertThat(jvm.waitForOutput(Pattern.compile("^waiting to be \\w+$", Pattern.MULTILINE),
              TIMEOUT))
          .isEqualTo("waiting to be stopped");
      assertThat(jvm.isAlive()).isTrue();
    } finally {
      jvm.close();
    }
    assertThat(jvm.isAlive()).isFalse();
    assertThat(jvm.stdout()).contains("shutdown hook ran");
  }

  @Test
  void waitingForOutputFailsAtOnceWhenTheJvmExits() {
    try (ForkedJvm jvm =
        ForkedJvm.builder()
            .withoutAgent()
            .mainClass(ForkedMain.class)
            .addClassPathOf(ForkedMain.class)
            .args("0")
            .echoOutput(false)
            .start()) {
      // The long timeout is never reached: the exit ends the wait.
      assertThatThrownBy(() -> jvm.waitForOutput("never printed", Duration.ofMinutes(10)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("ForkedMain exited with code 0 before printing /")
          .hasMessageContaining("greeting=null");
    }
  }

  @Test
  void javaToolOptionsAndOtlpExportSettingsReachTheJvm() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm jvm =
            ForkedJvm.builder()
                .withoutAgent()
                .mainClass(ForkedMain.class)
                .addClassPathOf(ForkedMain.class)
                .javaToolOptions("-Dgreeting=tool-options")
                .exportTo(receiver, OtlpProtocol.GRPC)
                .serviceName("forked")
                .start()) {

      assertThat(jvm.waitForExit(TIMEOUT)).isZero();

      assertThat(jvm.stdout())
          .contains(
              "greeting=tool-options\n",
              "OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.grpcEndpoint() + "\n",
              "OTEL_EXPORTER_OTLP_PROTOCOL=grpc\n",
              "OTEL_BSP_SCHEDULE_DELAY=100\n",
              "OTEL_METRIC_EXPORT_INTERVAL=500\n",
              "OTEL_BLRP_SCHEDULE_DELAY=100\n",
              "OTEL_SERVICE_NAME=forked\n");
      assertThat(jvm.stderr()).contains("Picked up JAVA_TOOL_OPTIONS: -Dgreeting=tool-options");
    }
  }

  @Test
  void failsClearlyWhenTheAgentJarIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-agent.jar");
    ForkedJvmBuilder builder = ForkedJvm.builder().mainClass(ForkedMain.class).agent(missing);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Agent jar " + missing + " does not exist");
  }

  @Test
  void putsTheAgentFirstOnTheCommandLine(@TempDir Path dir) throws Exception {
    Path agent = java.nio.file.Files.createFile(dir.resolve("agent.jar"));

    assertThat(
            ForkedJvm.builder()
                .agent(agent)
                .addJvmArgs("-Xmx64m")
                .mainClass("com.example.App")
                .args("x")
                .command())
        .containsExactly(
            Jdks.current().toString(), "-javaagent:" + agent, "-Xmx64m", "com.example.App", "x");
  }

  @Test
  void findsAFreePort() throws Exception {
    int port = FreePorts.find();
    assertThat(port).isBetween(1, 65535);
    try (java.net.ServerSocket socket = new java.net.ServerSocket(port)) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
