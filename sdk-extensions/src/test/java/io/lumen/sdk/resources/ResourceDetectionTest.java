package io.lumen.sdk.resources;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource a Lumen SDK reports, with the detectors it ships. */
class ResourceDetectionTest {

  @TempDir Path tempDir;

  private static Resource resource(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.put("otel.sdk.disabled", "true");
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> all)
            .build()) {
      return sdk.getResource();
    }
  }

  @Test
  void hostOsProcessAndRuntimeAreDetected() {
    Resource resource = resource(Map.of());
    assertThat(resource.getAttribute(stringKey("host.name"))).isNotBlank();
    assertThat(resource.getAttribute(stringKey("host.arch"))).isNotBlank();
    assertThat(resource.getAttribute(stringKey("os.type"))).isNotBlank();
    assertThat(resource.getAttribute(longKey("process.pid"))).isEqualTo(ProcessHandle.current().pid());
    assertThat(resource.getAttribute(stringKey("process.runtime.name"))).isNotBlank();
    assertThat(resource.getAttribute(stringKey("telemetry.sdk.language"))).isEqualTo("java");
  }

  @Test
  void commandLineIsLeftOutUnlessEnabled() {
    assertThat(resource(Map.of()).getAttributes().asMap().keySet())
        .noneMatch(key -> key.getKey().startsWith("process.command"));

    Resource enabled =
        resource(
            Map.of(
                "otel.instrumentation.resources.experimental.process-command-attributes.enabled",
                "true"));
    assertThat(enabled.getAttributes().asMap().keySet())
        .anyMatch(
            key ->
                key.getKey().equals("process.command_line")
                    || key.getKey().equals("process.command_args"));
  }

  @Test
  void serviceInstanceIdIsStableWithinTheProcess() {
    String first = resource(Map.of()).getAttribute(stringKey("service.instance.id"));
    assertThat(first).isNotBlank();
    assertThat(resource(Map.of()).getAttribute(stringKey("service.instance.id"))).isEqualTo(first);
    assertThat(
            resource(Map.of("otel.resource.attributes", "service.instance.id=checkout-1"))
                .getAttribute(stringKey("service.instance.id")))
        .isEqualTo("checkout-1");
  }

  @Test
  void kubernetesAttributesFromOperatorEnvironment() throws IOException {
    Path namespace = tempDir.resolve("namespace");
    Files.write(namespace, "shop\n".getBytes(StandardCharsets.UTF_8));
    Map<String, String> env = new HashMap<>();
    // As env vars: KUBERNETES_SERVICE_HOST, OTEL_RESOURCE_ATTRIBUTES_POD_NAME, ...
    env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    env.put("OTEL_RESOURCE_ATTRIBUTES_POD_NAME", "checkout-7d9f8b6c5-x2x4q");
    env.put("OTEL_RESOURCE_ATTRIBUTES_POD_UID", "6f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0");
    env.put("OTEL_RESOURCE_ATTRIBUTES_NODE_NAME", "node-3");

    Resource resource =
        new KubernetesResourceProvider(namespace).createResource(environment(env));

    assertThat(resource.getAttribute(stringKey("k8s.pod.name"))).isEqualTo("checkout-7d9f8b6c5-x2x4q");
    assertThat(resource.getAttribute(stringKey("k8s.pod.uid")))
        .isEqualTo("6f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0");
    assertThat(resource.getAttribute(stringKey("k8s.node.name"))).isEqualTo("node-3");
    assertThat(resource.getAttribute(stringKey("k8s.namespace.name"))).isEqualTo("shop");
  }

  @Test
  void kubernetesAttributesOnlyInsideKubernetes() {
    Map<String, String> env = new HashMap<>();
    env.put("OTEL_RESOURCE_ATTRIBUTES_POD_NAME", "checkout-7d9f8b6c5-x2x4q");
    assertThat(
            new KubernetesResourceProvider(tempDir.resolve("missing")).createResource(environment(env)))
        .isEqualTo(Resource.empty());
  }

  @Test
  void explicitResourceAttributesWinOverKubernetesDetection() {
    Resource resource =
        resource(
            Map.of(
                "kubernetes.service.host", "10.96.0.1",
                "otel.resource.attributes.pod.name", "detected-pod",
                "otel.resource.attributes", "k8s.pod.name=explicit-pod"));
    assertThat(resource.getAttribute(stringKey("k8s.pod.name"))).isEqualTo("explicit-pod");
    Resource detected =
        resource(
            Map.of(
                "kubernetes.service.host", "10.96.0.1",
                "otel.resource.attributes.pod.name", "detected-pod"));
    assertThat(detected.getAttribute(stringKey("k8s.pod.name"))).isEqualTo("detected-pod");
  }

  /** ConfigProperties as autoconfigure builds it from environment variables. */
  private static DefaultConfigProperties environment(Map<String, String> env) {
    Map<String, String> normalized = new HashMap<>();
    env.forEach((name, value) -> normalized.put(name.toLowerCase().replace('_', '.'), value));
    return DefaultConfigProperties.createFromMap(normalized);
  }
}
