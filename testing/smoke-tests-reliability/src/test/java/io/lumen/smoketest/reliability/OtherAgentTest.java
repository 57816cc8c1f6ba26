package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.GreetingApp;
import io.lumen.smoketest.reliability.otheragent.OtherAgent;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.smoketest.reliability.support.TestJars;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lumen next to another java agent that uses its own Byte Buddy, in both orders on the command
 * line: each does its job, the application works.
 */
class OtherAgentTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static Path otherAgent;

  @BeforeAll
  static void buildOtherAgent() throws Exception {
    Path directory = Files.createTempDirectory("other-agent");
    Files.copy(
        TestApps.lib("byte-buddy-"),
        directory.resolve("byte-buddy.jar"),
        StandardCopyOption.REPLACE_EXISTING);
    otherAgent =
        TestJars.pack(
            directory.resolve("other-agent.jar"),
            OtherAgent.class,
            Map.of(
                "Premain-Class", OtherAgent.class.getName(),
                "Can-Retransform-Classes", "true",
                "Class-Path", "byte-buddy.jar"),
            Map.of());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bothAgentsWorkInEitherOrder(boolean otherAgentFirst) throws Exception {
    String lumen = "-javaagent:" + AgentUnderTest.jar();
    String other = "-javaagent:" + otherAgent;
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            ForkedJvm.builder()
                .withoutAgent()
                .addJvmArgs(otherAgentFirst ? other : lumen, otherAgentFirst ? lumen : other)
                .exportTo(receiver, OtlpProtocol.GRPC)
                .serviceName("two-agents")
                .mainClass(GreetingApp.class)
                .addClassPathOf(GreetingApp.class)
                .start()) {
      int port = AgentUnderTest.port(app);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/greet?ada"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello ada");
      app.waitForOutput(OtherAgent.MARKER + " greet(ada)", TIMEOUT);
      ReceivedSpan server =
          receiver.awaitSpan(
              span -> span.kind() == ReceivedSpan.Kind.SERVER
                  && "/greet".equals(span.attribute("url.path")),
              TIMEOUT);
      assertThat(app.stderr()).contains("Lumen").doesNotContain("ERROR");

      ReliabilityReport.entry(
              otherAgentFirst
                  ? "2.4 Another Byte Buddy agent, before Lumen"
                  : "2.3 Another Byte Buddy agent, after Lumen")
          .proves(
              "A second -javaagent with its own, unrelocated Byte Buddy inlines advice into an"
                  + " application method, " + (otherAgentFirst ? "before" : "after")
                  + " Lumen on the command line: its marker is printed, Lumen's server span"
                  + " arrives, the request succeeds, and neither agent logs an error.")
          .figure("response", response.statusCode() + " " + response.body())
          .figure("other agent's marker printed", "yes")
          .figure("Lumen's server span", server.name() + " " + server.attribute("url.path"))
          .record();
    }
  }
}
