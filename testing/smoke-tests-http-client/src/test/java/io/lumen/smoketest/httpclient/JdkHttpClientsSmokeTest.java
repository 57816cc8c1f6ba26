package io.lumen.smoketest.httpclient;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpclient.apps.JdkClientsApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.Jdks;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK's own clients, {@code HttpURLConnection} and {@code java.net.http.HttpClient}, in one
 * application per JDK: the oldest JDK the tests run on and the newest installed.
 */
class JdkHttpClientsSmokeTest {

  private static final String URL_CONNECTION_SCOPE = "io.lumen.http-url-connection";
  private static final String HTTP_CLIENT_SCOPE = "io.lumen.java-http-client";

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static Stream<Arguments> jdks() {
    return Stream.of(
        Arguments.of("JDK " + Runtime.version().feature(), Optional.of(Jdks.current())),
        Arguments.of("JDK 25", Jdks.java25()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void javaNetHttpClient(String jdkName, Optional<Path> java) {
    Assumptions.assumeTrue(java.isPresent(), Jdks.notFoundMessage(25));
    receiver.reset();
    ClientScenarios scenarios =
        ClientScenarios.run(
            receiver, JdkClientsApp.class, List.of(), ForkedJvm.builder().javaExecutable(java.get()));

    scenarios.assertOk("jhc-ok", HTTP_CLIENT_SCOPE);
    scenarios.assertErrorStatus("jhc-not-found", 404);
    scenarios.assertErrorStatus("jhc-server-error", 500);
    scenarios.assertRedirectFollowed("jhc-redirect");
    scenarios.assertFailed("jhc-timeout", "java.net.http.HttpTimeoutException");
    scenarios.assertFailed("jhc-refused", "java.net.ConnectException");
    ReceivedSpan post = scenarios.clientSpan("jhc-post");
    assertThat(post).hasName("POST").hasAttribute("http.response.status_code", 200L);
    scenarios.assertServerChildOf(post, "jhc-post");

    ReceivedSpan async = scenarios.clientSpan("jhc-async-ok");
    assertThat(async).hasName("GET").isNotError().hasAttribute("http.response.status_code", 200L);
    scenarios.assertServerChildOf(async, "jhc-async-ok");
    scenarios.assertErrorStatus("jhc-async-not-found", 404);
    scenarios.assertFailed("jhc-async-refused", "java.net.ConnectException");

    scenarios.assertDurationMetric(HTTP_CLIENT_SCOPE);
  }
}
