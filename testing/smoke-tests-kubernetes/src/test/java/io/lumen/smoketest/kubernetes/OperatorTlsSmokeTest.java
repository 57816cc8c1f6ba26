package io.lumen.smoketest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.ExportRequest;
import io.lumen.testing.receiver.Signal;
import io.lumen.testing.receiver.TestCertificateAuthority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An Instrumentation with {@code spec.exporter.tls}: the operator mounts the secret and points
 * {@code OTEL_EXPORTER_OTLP_CERTIFICATE}, {@code _CLIENT_CERTIFICATE} and {@code _CLIENT_KEY} at
 * its files. The node's collector here serves mutual TLS with certificates made for the test, so
 * an export only arrives if the agent used all three.
 */
class OperatorTlsSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String SECRET = "otel-collector-client-tls";
  private static final String SECRET_MOUNT = "/otel-auto-instrumentation-secret-" + SECRET;

  @TempDir static Path directory;
  private static TestCertificateAuthority authority;
  private static TestCertificateAuthority.Issued client;
  private static AgentImage image;
  private static NodeLocalCollector collector;
  private static final AtomicInteger pods = new AtomicInteger();

  @BeforeAll
  static void startCollectorWithMutualTls() throws Exception {
    image = AgentImage.build(directory);
    authority = TestCertificateAuthority.create(directory.resolve("certificates"));
    // The node address is picked when the collector starts: the certificate covers them all.
    List<String> nodeAddresses = new ArrayList<>();
    for (int host = 1; host < 64; host++) {
      nodeAddresses.add("127.0.0." + host);
    }
    TestCertificateAuthority.Issued server =
        authority.issueServerCertificate("collector", nodeAddresses.toArray(new String[0]));
    client = authority.issueClientCertificate("users-service");
    collector =
        NodeLocalCollector.start(
            receiver ->
                receiver
                    .setTls(server.certificate(), server.privateKey())
                    .setClientCertificateAuthority(authority.certificate()));
  }

  @AfterAll
  static void stopCollector() {
    collector.close();
  }

  @BeforeEach
  void clearReceived() {
    collector.receiver().reset();
  }

  @ParameterizedTest(name = "port {0}")
  @CsvSource({"4317, GRPC", "4318, HTTP_PROTOBUF"})
  void exportsOverMutualTlsWithTheOperatorsCertificatePaths(
      int port, ExportRequest.Transport transport) throws Exception {
    InstrumentedPod pod = admit(tlsInstrumentation(port));
    OperatorJavaInjection.Result injection = pod.injection();
    assertThat(injection.env("OTEL_EXPORTER_OTLP_CERTIFICATE").value())
        .isEqualTo(SECRET_MOUNT + "/ca.crt");
    assertThat(injection.env("OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE").value())
        .isEqualTo(SECRET_MOUNT + "/tls.crt");
    assertThat(injection.env("OTEL_EXPORTER_OTLP_CLIENT_KEY").value())
        .isEqualTo(SECRET_MOUNT + "/tls.key");
    pod.mountSecret(
        SECRET,
        Map.of(
            "ca.crt", authority.certificate(),
            "tls.crt", client.certificate(),
            "tls.key", client.privateKey()));

    try (ForkedJvm app = pod.start(Map.of("OTEL_BSP_SCHEDULE_DELAY", "100"))) {
      int appPort = InstrumentedPod.awaitReady(app);
      OperatorInjectionSmokeTest.get(appPort, "/users/1", Map.of());

      collector.receiver().awaitSpan(span -> "/users/1".equals(span.attribute("url.path")), TIMEOUT);
      assertThat(collector.receiver().lastRequest(Signal.TRACES).map(ExportRequest::transport))
          .contains(transport);
      assertThat(app.stderr()).doesNotContain("ERROR").doesNotContain("WARN");
    }
  }

  @Test
  void missingCertificateFilesAreReportedClearlyAndTheApplicationStillRuns() throws Exception {
    // The secret is not mounted (for example, it does not exist in the namespace yet).
    InstrumentedPod pod = admit(tlsInstrumentation(4317));
    Path missingCa = pod.appPath(SECRET_MOUNT + "/ca.crt");

    try (ForkedJvm app = pod.start(Map.of())) {
      int appPort = InstrumentedPod.awaitReady(app);

      assertThat(OperatorInjectionSmokeTest.get(appPort, "/users/7", Map.of()).statusCode())
          .isEqualTo(200);
      // Each missing file is named once, with the default used instead; the rest of the
      // configuration stays in effect.
      assertThat(app.stderr())
          .doesNotContain("could not be configured")
          .contains("Invalid value for otel.exporter.otlp.certificate (OTEL_EXPORTER_OTLP_CERTIFICATE)")
          .contains("Invalid value for otel.exporter.otlp.client.key (OTEL_EXPORTER_OTLP_CLIENT_KEY)")
          .contains(
              "Invalid value for otel.exporter.otlp.client.certificate"
                  + " (OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE)")
          .contains("is no such file. Using the default: the system trust store.");
      assertThat(missingCa).doesNotExist();
    }
    // Without the private CA the collector's certificate is not trusted: nothing is accepted.
    assertThat(collector.receiver().requestCount(Signal.TRACES)).isZero();
    assertThat(collector.receiver().requestCount(Signal.METRICS)).isZero();
  }

  private static Manifest tlsInstrumentation(int port) {
    return AgentStartupSmokeTest.exampleInstrumentation()
        .with("https://$(OTEL_NODE_IP):" + port, "spec", "exporter", "endpoint")
        .with(
            Map.of("secretName", SECRET, "ca_file", "ca.crt", "cert_file", "tls.crt", "key_file", "tls.key"),
            "spec", "exporter", "tls");
  }

  private static InstrumentedPod admit(Manifest instrumentation) {
    int number = pods.incrementAndGet();
    PodAtAdmission pod =
        PodAtAdmission.fromDeployment(
            Manifest.find("deployment.yaml", "Deployment", "users-service"),
            "8e9f0a1b2", "rs-uid", "deployment-uid");
    InstrumentedPod instrumented =
        InstrumentedPod.admit(
            directory.resolve("pod-" + number),
            instrumentation,
            pod,
            new Kubelet.RunningPod(
                "users-service-8e9f0a1b2-tls" + number, "pod-uid-" + number, "worker-1",
                collector.nodeIp(), "127.0.0.1"));
    instrumented.runAgentInitContainer(image.root(), image.dockerfile().user());
    return instrumented;
  }
}
