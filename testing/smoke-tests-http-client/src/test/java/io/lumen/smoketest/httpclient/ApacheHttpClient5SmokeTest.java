package io.lumen.smoketest.httpclient;

import static io.lumen.testing.agent.SpanAssert.assertThat;

import io.lumen.smoketest.httpclient.apps.ApacheHttpClient5App;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apache HttpClient 5.0 and 5.6, classic and async, through clients the application builds as
 * usual.
 */
class ApacheHttpClient5SmokeTest {

  private static final String SCOPE = "io.lumen.apache-httpclient-5.0";

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
  @ValueSource(strings = {"5.0", "5.6"})
  void executesAreClientSpans(String version) {
    receiver.reset();
    ClientScenarios scenarios =
        ClientScenarios.run(
            receiver, ApacheHttpClient5App.class, libraries(version), ForkedJvm.builder());

    scenarios.assertOk("a5-ok", SCOPE);
    scenarios.assertErrorStatus("a5-not-found", 404);
    scenarios.assertErrorStatus("a5-server-error", 500);
    scenarios.assertRedirectFollowed("a5-redirect");
    scenarios.assertFailed("a5-timeout", "java.net.SocketTimeoutException");
    scenarios.assertFailed("a5-refused", "org.apache.hc.client5.http.HttpHostConnectException");

    ReceivedSpan async = scenarios.clientSpan("a5-async-ok");
    assertThat(async).hasName("GET").isNotError().hasAttribute("http.response.status_code", 200L);
    scenarios.assertServerChildOf(async, "a5-async-ok");
    scenarios.assertErrorStatus("a5-async-not-found", 404);
    scenarios.assertRedirectFollowed("a5-async-redirect");
    scenarios.assertFailed(
        "a5-async-refused", "org.apache.hc.client5.http.HttpHostConnectException");

    scenarios.assertDurationMetric(SCOPE);
  }

  private static List<Path> libraries(String version) {
    return version.equals("5.0")
        ? ClientScenarios.testLibraries(
            "httpclient5-5.0.jar",
            "httpcore5-5.0.jar",
            "httpcore5-h2-5.0.jar",
            "slf4j-api-1.7.25.jar")
        : ClientScenarios.testLibraries(
            "httpclient5-5.6.jar",
            "httpcore5-5.4.jar",
            "httpcore5-h2-5.4.jar",
            "slf4j-api-1.7.36.jar");
  }
}
