package io.lumen.sdk.resources;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.annotation.Nullable;

/**
 * Adds {@code k8s.pod.name}, {@code k8s.pod.uid}, {@code k8s.node.name} and {@code
 * k8s.namespace.name} inside a Kubernetes pod, from what the pod already has:
 *
 * <ul>
 *   <li>the environment variables the OpenTelemetry Operator injects from the downward API:
 *       {@code OTEL_RESOURCE_ATTRIBUTES_POD_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES_POD_UID}, {@code
 *       OTEL_RESOURCE_ATTRIBUTES_NODE_NAME} (set them the same way without the Operator);
 *   <li>the namespace file of the service account mount, {@code
 *       /var/run/secrets/kubernetes.io/serviceaccount/namespace}.
 * </ul>
 *
 * <p>The Operator also writes these attributes into {@code OTEL_RESOURCE_ATTRIBUTES}, which wins
 * over this provider; this provider fills them in where that variable was overridden or lost
 * them. Outside Kubernetes (no {@code KUBERNETES_SERVICE_HOST}) it adds nothing.
 */
public final class KubernetesResourceProvider implements ResourceProvider {

  static final AttributeKey<String> K8S_POD_NAME = AttributeKey.stringKey("k8s.pod.name");
  static final AttributeKey<String> K8S_POD_UID = AttributeKey.stringKey("k8s.pod.uid");
  static final AttributeKey<String> K8S_NODE_NAME = AttributeKey.stringKey("k8s.node.name");
  static final AttributeKey<String> K8S_NAMESPACE_NAME =
      AttributeKey.stringKey("k8s.namespace.name");

  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Paths.get("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  private final Path namespaceFile;

  /** Used by the service loader. */
  public KubernetesResourceProvider() {
    this(SERVICE_ACCOUNT_NAMESPACE);
  }

  // Visible for testing
  KubernetesResourceProvider(Path namespaceFile) {
    this.namespaceFile = namespaceFile;
  }

  @Override
  public Resource createResource(ConfigProperties config) {
    // Environment variables are in ConfigProperties too: OTEL_RESOURCE_ATTRIBUTES_POD_NAME is
    // otel.resource.attributes.pod.name, KUBERNETES_SERVICE_HOST is kubernetes.service.host.
    if (config.getString("kubernetes.service.host") == null) {
      return Resource.empty();
    }
    AttributesBuilder attributes = Attributes.builder();
    putIfPresent(attributes, K8S_POD_NAME, config.getString("otel.resource.attributes.pod.name"));
    putIfPresent(attributes, K8S_POD_UID, config.getString("otel.resource.attributes.pod.uid"));
    putIfPresent(attributes, K8S_NODE_NAME, config.getString("otel.resource.attributes.node.name"));
    putIfPresent(attributes, K8S_NAMESPACE_NAME, readNamespace());
    return Resource.create(attributes.build());
  }

  @Nullable
  private String readNamespace() {
    try {
      if (Files.isReadable(namespaceFile)) {
        return new String(Files.readAllBytes(namespaceFile), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException | RuntimeException e) {
      // No namespace is better than no telemetry.
    }
    return null;
  }

  private static void putIfPresent(
      AttributesBuilder attributes, AttributeKey<String> key, @Nullable String value) {
    if (value != null && !value.trim().isEmpty()) {
      attributes.put(key, value.trim());
    }
  }
}
