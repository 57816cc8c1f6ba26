package io.lumen.smoketest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests of examples/kubernetes, checked without a cluster: each object against its kind's
 * schema, and together against each other and against what the agent expects (the image, the
 * endpoint and the collector's host ports, the annotation and the Instrumentation it names).
 */
class KubernetesManifestsTest {

  private static final ManifestSchemas schemas = ManifestSchemas.load();

  @Test
  void everyManifestIsValidForItsKind() throws IOException {
    List<Manifest> manifests = allManifests();
    assertThat(manifests.stream().map(Manifest::kind).collect(Collectors.toSet()))
        .contains("Instrumentation", "Deployment", "OpenTelemetryCollector", "Namespace");

    List<String> errors = new ArrayList<>();
    manifests.forEach(manifest -> errors.addAll(schemas.validate(manifest)));

    assertThat(errors).isEmpty();
  }

  @Test
  void theValidationFindsWhatTheApiServerWouldRefuse() {
    Manifest instrumentation = AgentStartupSmokeTest.exampleInstrumentation();
    Manifest collector = Manifest.find("collector.yaml", "OpenTelemetryCollector", "lumen");

    assertThat(schemas.validate(instrumentation.with(List.of("w3c"), "spec", "propagators")))
        .singleElement().asString().contains(".spec.propagators[0]").contains("is not one of");
    assertThat(schemas.validate(instrumentation.with("parentbased_xray", "spec", "sampler", "type")))
        .singleElement().asString().contains(".spec.sampler.type");
    assertThat(schemas.validate(instrumentation.with("ghcr.io/x", "spec", "java", "imgae")))
        .singleElement().asString().contains(".spec.java.imgae: unknown field");
    assertThat(schemas.validate(collector.with("node", "spec", "mode")))
        .singleElement().asString().contains(".spec.mode");
    assertThat(schemas.validate(collector.with(null, "spec", "config", "exporters")))
        .singleElement().asString().contains(".spec.config.exporters: required");
    assertThat(schemas.validate(collector.with("4317", "spec", "ports")))
        .singleElement().asString().contains(".spec.ports: expected array");
  }

  @Test
  void theInstrumentationUsesLumensImageAndWhatTheAgentUnderstands() {
    Manifest instrumentation = AgentStartupSmokeTest.exampleInstrumentation();

    // The one line that replaces the upstream agent, pointing at the image of image/Dockerfile.
    String image = instrumentation.string("spec", "java", "image");
    assertThat(image).matches(".+/lumen-javaagent:[^:/]+");
    assertThat(image.substring(image.lastIndexOf(':') + 1))
        .as("the image tag is the agent version")
        .isEqualTo(System.getProperty("lumen.version"));

    // The operator never sets the protocol: port 4318 is how the agent knows it is OTLP/HTTP.
    URI endpoint =
        URI.create(instrumentation.string("spec", "exporter", "endpoint").replace("$(OTEL_NODE_IP)", "node"));
    assertThat(endpoint.getScheme()).isEqualTo("http");
    assertThat(endpoint.getPort()).isEqualTo(NodeLocalCollector.HTTP_HOST_PORT);
    assertThat(instrumentation.string("spec", "exporter", "endpoint")).contains("$(OTEL_NODE_IP)");
    List<String> envNames = new ArrayList<>();
    for (String[] path : new String[][] {{"spec", "env"}, {"spec", "java", "env"}}) {
      instrumentation.list((Object[]) path)
          .forEach(entry -> envNames.add((String) Manifest.castMap(entry).get("name")));
    }
    assertThat(envNames).allMatch(name -> name.startsWith("OTEL_")).doesNotContain("OTEL_EXPORTER_OTLP_PROTOCOL");

    assertThat(instrumentation.list("spec", "propagators"))
        .containsExactly("tracecontext", "baggage", "b3");
    assertThat(instrumentation.string("spec", "sampler", "type")).isEqualTo("parentbased_traceidratio");
    assertThat(Double.parseDouble(instrumentation.string("spec", "sampler", "argument")))
        .isBetween(0.0, 1.0);
    assertThat(instrumentation.get("spec", "resource", "addK8sUIDAttributes"))
        .as("k8s.pod.uid on every signal: what the collector's k8sattributes associates by")
        .isEqualTo(true);
  }

  @Test
  void theCollectorIsANodeLocalDaemonSetOnTheInstrumentationsPorts() {
    Manifest collector = Manifest.find("collector.yaml", "OpenTelemetryCollector", "lumen");

    assertThat(collector.string("spec", "mode")).isEqualTo("daemonset");
    Map<String, Integer> hostPorts =
        collector.list("spec", "ports").stream()
            .map(Manifest::castMap)
            .collect(Collectors.toMap(port -> (String) port.get("name"), port -> (Integer) port.get("hostPort")));
    // The names of the ports the operator derives from the otlp receiver: these add host ports.
    assertThat(hostPorts)
        .containsEntry("otlp-grpc", NodeLocalCollector.GRPC_HOST_PORT)
        .containsEntry("otlp-http", NodeLocalCollector.HTTP_HOST_PORT);
    assertThat(collector.string("spec", "config", "receivers", "otlp", "protocols", "grpc", "endpoint"))
        .isEqualTo("0.0.0.0:4317");
    assertThat(collector.string("spec", "config", "receivers", "otlp", "protocols", "http", "endpoint"))
        .isEqualTo("0.0.0.0:4318");

    Map<String, Object> pipelines = collector.map("spec", "config", "service", "pipelines");
    assertThat(pipelines.keySet()).containsExactlyInAnyOrder("traces", "metrics", "logs");
    Map<String, String> backends =
        Map.of(
            "traces", "tempo", "metrics", "/api/v1/otlp", "logs", "/otlp");
    for (String signal : pipelines.keySet()) {
      Manifest pipeline = new Manifest("collector.yaml", Manifest.castMap(pipelines.get(signal)));
      assertThat(pipeline.list("receivers")).containsExactly("otlp");
      assertThat(pipeline.list("processors"))
          .as("memory_limiter first, batch last")
          .containsExactly("memory_limiter", "k8sattributes", "resourcedetection", "batch");
      for (String section : List.of("receivers", "processors", "exporters")) {
        for (Object component : pipeline.list(section)) {
          assertThat(collector.map("spec", "config", section))
              .as("%s pipeline's %s %s is defined", signal, section, component)
              .containsKey((String) component);
        }
      }
      String exporter = (String) pipeline.list("exporters").get(0);
      assertThat(collector.string("spec", "config", "exporters", exporter, "endpoint"))
          .as("%s go to their backend", signal)
          .contains(backends.get(signal));
    }
    assertThat(collector.string("spec", "config", "processors", "k8sattributes", "filter", "node_from_env_var"))
        .isEqualTo("K8S_NODE_NAME");

    // k8sattributes watches pods and their owners with the collector's service account.
    String serviceAccount = collector.string("spec", "serviceAccount");
    assertThat(Manifest.find("collector.yaml", "ServiceAccount", serviceAccount).string("metadata", "namespace"))
        .isEqualTo(collector.string("metadata", "namespace"));
    Manifest binding = Manifest.find("collector.yaml", "ClusterRoleBinding", serviceAccount);
    assertThat(binding.string("subjects", 0, "name")).isEqualTo(serviceAccount);
    Manifest role = Manifest.find("collector.yaml", "ClusterRole", binding.string("roleRef", "name"));
    Set<Object> readable =
        role.list("rules").stream()
            .map(Manifest::castMap)
            .filter(rule -> ((List<?>) rule.get("verbs")).containsAll(List.of("get", "list", "watch")))
            .flatMap(rule -> ((List<?>) rule.get("resources")).stream())
            .collect(Collectors.toSet());
    assertThat(readable).contains("pods", "namespaces", "replicasets");
  }

  @Test
  void theDeploymentOptsIntoTheInstrumentationOfItsNamespace() {
    Manifest deployment = Manifest.find("deployment.yaml", "Deployment", "users-service");
    Manifest instrumentation = AgentStartupSmokeTest.exampleInstrumentation();

    assertThat(deployment.string("spec", "template", "metadata", "annotations",
            "instrumentation.opentelemetry.io/inject-java"))
        .isEqualTo(instrumentation.name());
    assertThat(deployment.string("metadata", "namespace"))
        .isEqualTo(instrumentation.string("metadata", "namespace"));
    Set<String> namespaces =
        Manifest.load("namespaces.yaml").stream().map(Manifest::name).collect(Collectors.toSet());
    assertThat(namespaces)
        .contains(
            deployment.string("metadata", "namespace"),
            Manifest.find("collector.yaml", "OpenTelemetryCollector", "lumen").string("metadata", "namespace"));
    assertThat(deployment.get("spec", "template", "spec", "securityContext", "runAsNonRoot"))
        .isEqualTo(true);
  }

  private static List<Manifest> allManifests() throws IOException {
    Path examples = Manifest.examplesDirectory();
    List<Manifest> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(examples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        manifests.addAll(Manifest.load(file.getFileName().toString()));
      }
    }
    return manifests;
  }
}
