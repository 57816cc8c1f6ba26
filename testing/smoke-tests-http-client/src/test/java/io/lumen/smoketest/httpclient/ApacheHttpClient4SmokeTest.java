package io.lumen.smoketest.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpclient.apps.ApacheHttpClient4App;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Apache HttpClient 4.0 (Java 6 bytecode, which the agent upgrades) and 4.5.14, the newest 4.x. */
class ApacheHttpClient4SmokeTest {

  private static final String SCOPE = "io.lumen.apache-httpclient-4.0";

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @ParameterizedTest(name = "HttpClient {0}")
  @ValueSource(strings = {"4.0", "4.5.14"})
  void executesAreClientSpans(String version) {
    receiver.reset();
    ClientScenarios scenarios =
        ClientScenarios.run(
            receiver, ApacheHttpClient4App.class, libraries(version), ForkedJvm.builder());

    assertThat(scenarios.outcome("a4-ok"))
        .as(
            "HttpClient 4.0 is Java 5 bytecode without stack map frames: the agent must compute"
                + " frames for every method of a class it upgrades to Java 7, not only for the"
                + " advised ones (ClassFileVersionUpgrade)")
        .doesNotContain("VerifyError");
    scenarios.assertOk("a4-ok", SCOPE);
    scenarios.assertErrorStatus("a4-not-found", 404);
    scenarios.assertErrorStatus("a4-server-error", 500);
    scenarios.assertRedirectFollowed("a4-redirect");
    scenarios.assertFailed("a4-timeout", "java.net.SocketTimeoutException");
    // 4.0's connection operator wraps the refusal; 4.5's DefaultHttpClient passes it on
    scenarios.assertFailed(
        "a4-refused",
        version.equals("4.0")
            ? "org.apache.http.conn.HttpHostConnectException"
            : "java.net.ConnectException");
    if (version.equals("4.0")) {
      assertThat(scenarios.hasRun("a4-builder")).as("HttpClients is 4.3+").isFalse();
    } else {
      // InternalHttpClient: execute(HttpUriRequest) goes straight to doExecute
      scenarios.assertRedirectFollowed("a4-builder");
    }

    scenarios.assertDurationMetric(SCOPE);
  }

  private static List<Path> libraries(String version) {
    return version.equals("4.0")
        ? ClientScenarios.testLibraries(
            "httpclient-4.0.jar",
            "httpcore-4.0.1.jar",
            "commons-logging-1.1.1.jar",
            "commons-codec-1.3.jar")
        : ClientScenarios.testLibraries(
            "httpclient-4.5.14.jar",
            "httpcore-4.4.16.jar",
            "commons-logging-1.2.jar",
            "commons-codec-1.11.jar");
  }
}
