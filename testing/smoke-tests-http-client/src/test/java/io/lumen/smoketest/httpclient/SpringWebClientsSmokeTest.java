package io.lumen.smoketest.httpclient;

import static io.lumen.testing.agent.SpanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.httpclient.apps.SpringClientsApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spring's RestTemplate and RestClient (6.2) need no instrumentation of their own: whichever client
 * they use records the one CLIENT span of each request, and nothing records a second.
 */
class SpringWebClientsSmokeTest {

  private static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void oneClientSpanPerRequestFromTheClientUnderneath() {
    ClientScenarios scenarios =
        ClientScenarios.run(
            receiver,
            SpringClientsApp.class,
            ClientScenarios.testLibraries(
                "spring-web-6.2.12.jar",
                "spring-core-6.2.12.jar",
                "spring-beans-6.2.12.jar",
                "spring-jcl-6.2.12.jar",
                "micrometer-observation-1.14.12.jar",
                "micrometer-commons-1.14.12.jar",
                "httpclient5-5.6.jar",
                "httpcore5-5.4.jar",
                "httpcore5-h2-5.4.jar",
                "slf4j-api-1.7.36.jar",
                "okhttp-4.12.0.jar",
                "okio-jvm-3.6.0.jar",
                "kotlin-stdlib-1.9.10.jar",
                "kotlin-stdlib-jdk7-1.9.10.jar",
                "kotlin-stdlib-jdk8-1.9.10.jar"),
            ForkedJvm.builder());

    // each request: the client's span (the scope says which client) and the server's, nothing else
    scenarios.assertTraceIsJustTheRequest(
        scenarios.assertOk("sp-rt-urlconnection", "io.lumen.http-url-connection"), 1);
    scenarios.assertTraceIsJustTheRequest(
        scenarios.assertOk("sp-rt-apache5", "io.lumen.apache-httpclient-5.0"), 1);
    scenarios.assertTraceIsJustTheRequest(
        scenarios.assertOk("sp-rt-okhttp", "io.lumen.okhttp-3.0"), 1);
    assertThat(scenarios.outcome("sp-rt-not-found")).isEqualTo("status=404");
    scenarios.assertTraceIsJustTheRequest(scenarios.assertErrorStatus("sp-rt-not-found", 404), 1);
    scenarios.assertTraceIsJustTheRequest(
        scenarios.assertOk("sp-rc-jdk", "io.lumen.java-http-client"), 1);
    ReceivedSpan defaultClient = scenarios.assertRedirectFollowed("sp-rc-default");
    assertThat(defaultClient).hasScopeName("io.lumen.apache-httpclient-5.0");
    scenarios.assertTraceIsJustTheRequest(defaultClient, 2);
  }
}
