package io.lumen.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar lumen-javaagent.jar} tells what the agent is and what it instruments. */
class AgentInfoTest {

  @Test
  void printsVersionsAndModulesAndExitsZero() throws Exception {
    Result result = run();

    assertThat(result.exitCode).isZero();
    assertThat(result.output)
        .containsPattern("Lumen Java agent \\d+\\.\\d+\\.\\d+")
        .containsPattern("OpenTelemetry SDK 1\\.\\d+\\.\\d+")
        .containsPattern("(?m)^\\s+java-http-server\\s+enabled");
  }

  /**
   * The jakarta modules are the javax ones relocated by the build (servlet-5.0 from servlet-3.0,
   * spring-webmvc-6.0 from spring-webmvc-5.0, jms-3.0 from jms-1.1): each copy names itself.
   */
  @Test
  void listsEachRelocatedModuleUnderItsOwnName() throws Exception {
    Result result = run();

    assertThat(result.output)
        .containsPattern("(?m)^\\s+servlet-3\\.0\\s+enabled")
        .containsPattern("(?m)^\\s+servlet-5\\.0\\s+enabled")
        .containsPattern("(?m)^\\s+spring-webmvc-5\\.0\\s+enabled")
        .containsPattern("(?m)^\\s+spring-webmvc-6\\.0\\s+enabled")
        .containsPattern("(?m)^\\s+jms-1\\.1\\s+enabled")
        .containsPattern("(?m)^\\s+jms-3\\.0\\s+enabled");
  }

  @Test
  void showsModulesDisabledByConfiguration() throws Exception {
    Result result = run("-Dotel.instrumentation.java-http-server.enabled=false");

    assertThat(result.exitCode).isZero();
    assertThat(result.output).containsPattern("(?m)^\\s+java-http-server\\s+disabled");
  }

  @Test
  void commonDefaultDisablesEveryModuleNotNamedExplicitly() throws Exception {
    Result result = run("-Dotel.instrumentation.common.default-enabled=false");

    assertThat(result.output).containsPattern("(?m)^\\s+java-http-server\\s+disabled");
  }

  private static Result run(String... jvmArgs) throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    java.util.Collections.addAll(command, jvmArgs);
    command.add("-jar");
    command.add(System.getProperty("lumen.agent.jar"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String output) {}
}
