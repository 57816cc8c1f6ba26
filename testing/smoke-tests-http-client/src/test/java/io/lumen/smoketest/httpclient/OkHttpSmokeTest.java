package io.lumen.smoketest.httpclient;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpclient.apps.OkHttpApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OkHttp, the oldest 3.x and the newest 4.x release, sync and async. */
class OkHttpSmokeTest {

  private static final String SCOPE = "io.lumen.okhttp-3.0";

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @ParameterizedTest(name = "OkHttp {0}")
  @ValueSource(strings = {"3.0.0", "4.12.0"})
  void callsAreClientSpans(String version) {
    receiver.reset();
    ClientScenarios scenarios =
        ClientScenarios.run(receiver, OkHttpApp.class, libraries(version), ForkedJvm.builder());

    scenarios.assertOk("ok-ok", SCOPE);
    scenarios.assertErrorStatus("ok-not-found", 404);
    scenarios.assertErrorStatus("ok-server-error", 500);
    scenarios.assertRedirectFollowed("ok-redirect");
    scenarios.assertFailed("ok-timeout", "java.net.SocketTimeoutException");
    scenarios.assertFailed("ok-refused", "java.net.ConnectException");

    // a client from newBuilder() already has the interceptor: still one span
    ReceivedSpan copy = scenarios.clientSpan("ok-new-builder");
    scenarios.assertServerChildOf(copy, "ok-new-builder");

    assertThat(scenarios.clientSpan("ok-purge"))
        .hasName("HTTP")
        .hasAttribute("http.request.method", "_OTHER")
        .hasAttribute("http.request.method_original", "PURGE");

    ReceivedSpan async = scenarios.clientSpan("ok-async-ok");
    assertThat(async).hasName("GET").isNotError().hasAttribute("http.response.status_code", 200L);
    scenarios.assertServerChildOf(async, "ok-async-ok");
    scenarios.assertErrorStatus("ok-async-not-found", 404);
    scenarios.assertFailed("ok-async-refused", "java.net.ConnectException");

    scenarios.assertDurationMetric(SCOPE);
  }

  private static List<java.nio.file.Path> libraries(String version) {
    return version.startsWith("3.")
        ? ClientScenarios.testLibraries("okhttp-3.0.0.jar", "okio-1.6.0.jar")
        : ClientScenarios.testLibraries(
            "okhttp-4.12.0.jar",
            "okio-jvm-3.6.0.jar",
            "kotlin-stdlib-1.9.10.jar",
            "kotlin-stdlib-jdk7-1.9.10.jar",
            "kotlin-stdlib-jdk8-1.9.10.jar");
  }
}
