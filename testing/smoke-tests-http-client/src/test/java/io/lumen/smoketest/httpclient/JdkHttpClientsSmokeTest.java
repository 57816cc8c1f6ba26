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
  void httpUrlConnectionAndJavaNetHttpClient(String jdkName, Optional<Path> java) {
    Assumptions.assumeTrue(java.isPresent(), Jdks.notFoundMessage(25));
    receiver.reset();
    ClientScenarios scenarios =
        ClientScenarios.run(
            receiver,
            JdkClientsApp.class,
            List.of(),
            ForkedJvm.builder().javaExecutable(java.get()));

    assertHttpUrlConnection(scenarios);
    assertJavaNetHttpClient(scenarios);
  }

  private static void assertHttpUrlConnection(ClientScenarios scenarios) {
    scenarios.assertOk("huc-ok", URL_CONNECTION_SCOPE);
    scenarios.assertErrorStatus("huc-not-found", 404);
    // read through getInputStream(), which throws for a 500: still reported as the response
    assertThat(scenarios.outcome("huc-server-error")).isEqualTo("error=java.io.IOException");
    scenarios.assertErrorStatus("huc-server-error", 500);
    scenarios.assertRedirectFollowed("huc-redirect");
    scenarios.assertFailed("huc-timeout", "java.net.SocketTimeoutException");
    scenarios.assertFailed("huc-refused", "java.net.ConnectException");
    ReceivedSpan post = scenarios.clientSpan("huc-post");
    assertThat(post).hasName("POST").isNotError().hasAttribute("http.response.status_code", 200L);
    scenarios.assertServerChildOf(post, "huc-post");
    assertThat(scenarios.clientSpan("huc-signed").attribute("url.full").toString())
        .endsWith("/ok?X-Amz-Signature=REDACTED&token=REDACTED&page=2&scenario=huc-signed");
    scenarios.assertDurationMetric(URL_CONNECTION_SCOPE);
  }

  private static void assertJavaNetHttpClient(ClientScenarios scenarios) {
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
