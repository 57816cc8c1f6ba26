package io.lumen.smoketest.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the OpenTelemetry Operator's admission webhook does to a pod's container when an
 * {@code Instrumentation} injects Java, reproduced step by step so that a test can run the result
 * without a cluster.
 *
 * <p>Modelled on the operator's {@code injectJavaagent}, {@code injectCommonEnvVar}, {@code
 * getDefaultJavaEnvVars}, {@code injectCommonSDKConfig}, {@code createResourceMap} and {@code
 * configureExporter} as of the releases that mount the agent per container at {@code
 * /otel-auto-instrumentation-java-<container>}: the same variables, values and order. Not modelled,
 * and refused if an Instrumentation uses them: {@code defaults.useLabelsForResourceAttributes} and
 * a container-level {@code JAVA_TOOL_OPTIONS} from {@code valueFrom} (the operator skips such
 * containers).
 */
final class OperatorJavaInjection {

  static final String INIT_CONTAINER_MOUNT = "/otel-auto-instrumentation-java";
  static final String DEFAULT_VOLUME_SIZE_LIMIT = "200Mi";

  static final String POD_NAME = "OTEL_RESOURCE_ATTRIBUTES_POD_NAME";
  static final String POD_UID = "OTEL_RESOURCE_ATTRIBUTES_POD_UID";
  static final String NODE_NAME = "OTEL_RESOURCE_ATTRIBUTES_NODE_NAME";
  static final String RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";
  private static final String ANNOTATION_PREFIX = "resource.opentelemetry.io/";

  /**
   * The injected container and the pod-level additions.
   *
   * @param env the container's environment after injection, in order
   * @param agentMountPath where the app container sees the agent volume
   * @param initContainerCommand what the Java init container runs, in the agent image
   * @param extensionCommands one command per {@code spec.java.extensions} entry, in its image
   * @param volumeSizeLimit the agent emptyDir's size limit
   * @param secretMounts mount path to secret name, for exporter TLS files
   * @param configMapMounts mount path to config map name, for the exporter's CA
   */
  record Result(
      List<EnvVar> env,
      String agentMountPath,
      List<String> initContainerCommand,
      List<ExtensionCopy> extensionCommands,
      String volumeSizeLimit,
      Map<String, String> secretMounts,
      Map<String, String> configMapMounts) {

    EnvVar env(String name) {
      return env.stream().filter(var -> var.name().equals(name)).findFirst().orElse(null);
    }

    List<String> envNames() {
      return env.stream().map(EnvVar::name).toList();
    }
  }

  /** An extension init container: the image it runs and its copy command. */
  record ExtensionCopy(String image, List<String> command) {}

  private OperatorJavaInjection() {}

  static Result inject(Manifest instrumentation, PodAtAdmission pod) {
    if (Boolean.TRUE.equals(instrumentation.get("spec", "defaults", "useLabelsForResourceAttributes"))) {
      throw new UnsupportedOperationException("useLabelsForResourceAttributes is not modelled");
    }
    List<EnvVar> env = new ArrayList<>(pod.env());
    EnvVar javaToolOptions = find(env, "JAVA_TOOL_OPTIONS");
    if (javaToolOptions != null && javaToolOptions.fieldPath() != null) {
      throw new UnsupportedOperationException(
          "the operator skips containers whose JAVA_TOOL_OPTIONS comes from valueFrom");
    }

    // injectJavaagent: the Java spec's env, the volume and the init containers.
    appendIfNotSet(env, envList(instrumentation, "spec", "java", "env"));
    String agentMountPath = INIT_CONTAINER_MOUNT + "-" + pod.containerName();
    String sizeLimit = instrumentation.string("spec", "java", "volumeLimitSize");
    List<ExtensionCopy> extensions = new ArrayList<>();
    for (Object entry : instrumentation.list("spec", "java", "extensions")) {
      Map<String, Object> extension = Manifest.castMap(entry);
      extensions.add(
          new ExtensionCopy(
              (String) extension.get("image"),
              List.of("cp", "-r", extension.get("dir") + "/.", INIT_CONTAINER_MOUNT + "/extensions")));
    }

    // injectCommonEnvVar: pod and node IPs first, then the common env.
    if (find(env, "OTEL_POD_IP") == null) {
      env.add(0, EnvVar.field("OTEL_POD_IP", "status.podIP"));
    }
    if (find(env, "OTEL_NODE_IP") == null) {
      env.add(0, EnvVar.field("OTEL_NODE_IP", "status.hostIP"));
    }
    appendIfNotSet(env, envList(instrumentation, "spec", "env"));

    // getDefaultJavaEnvVars: -javaagent appended to the application's own value, with a space.
    String javaArgument = " -javaagent:" + agentMountPath + "/javaagent.jar";
    if (!extensions.isEmpty()) {
      javaArgument += " -Dotel.javaagent.extensions=" + agentMountPath + "/extensions";
    }
    int options = indexOf(env, "JAVA_TOOL_OPTIONS");
    if (options < 0) {
      env.add(EnvVar.literal("JAVA_TOOL_OPTIONS", javaArgument));
    } else {
      env.set(options, env.get(options).withValue(env.get(options).value() + javaArgument));
    }

    // injectCommonSDKConfig
    Map<String, String> resources = resourceMap(instrumentation, pod, env);
    if (find(env, "OTEL_SERVICE_NAME") == null) {
      env.add(EnvVar.literal("OTEL_SERVICE_NAME", serviceName(pod, resources)));
    }
    Map<String, String> secretMounts = new LinkedHashMap<>();
    Map<String, String> configMapMounts = new LinkedHashMap<>();
    configureExporter(instrumentation, env, secretMounts, configMapMounts);

    env.add(EnvVar.field(POD_NAME, "metadata.name"));
    resources.put("k8s.pod.name", "$(" + POD_NAME + ")");
    if (Boolean.TRUE.equals(instrumentation.get("spec", "resource", "addK8sUIDAttributes"))
        && resources.getOrDefault("k8s.pod.uid", "").isEmpty()) {
      env.add(EnvVar.field(POD_UID, "metadata.uid"));
      resources.put("k8s.pod.uid", "$(" + POD_UID + ")");
    }
    EnvVar existingAttributes = find(env, RESOURCE_ATTRIBUTES);
    if (existingAttributes == null || !existingAttributes.value().contains("service.version")) {
      String version = serviceVersion(pod);
      if (!version.isEmpty()) {
        resources.put("service.version", version);
      }
    }
    if (resources.getOrDefault("k8s.node.name", "").isEmpty()) {
      env.add(EnvVar.field(NODE_NAME, "spec.nodeName"));
      resources.put("k8s.node.name", "$(" + NODE_NAME + ")");
    }
    StringBuilder attributes = new StringBuilder();
    new TreeMap<>(resources)
        .forEach(
            (key, value) ->
                attributes.append(attributes.length() == 0 ? "" : ",").append(key).append('=')
                    .append(value));
    int attributesIndex = indexOf(env, RESOURCE_ATTRIBUTES);
    if (attributesIndex < 0) {
      env.add(EnvVar.literal(RESOURCE_ATTRIBUTES, attributes.toString()));
    } else {
      String value = env.get(attributesIndex).value();
      env.set(
          attributesIndex,
          env.get(attributesIndex)
              .withValue(value + (value.endsWith(",") ? "" : ",") + attributes));
    }

    List<Object> propagators = instrumentation.list("spec", "propagators");
    if (find(env, "OTEL_PROPAGATORS") == null && !propagators.isEmpty()) {
      env.add(
          EnvVar.literal(
              "OTEL_PROPAGATORS",
              String.join(",", propagators.stream().map(Object::toString).toList())));
    }
    String sampler = instrumentation.string("spec", "sampler", "type");
    if (find(env, "OTEL_TRACES_SAMPLER") == null && sampler != null && !sampler.isEmpty()
        && find(env, "OTEL_TRACES_SAMPLER_ARG") == null) {
      env.add(EnvVar.literal("OTEL_TRACES_SAMPLER", sampler));
      String argument = instrumentation.string("spec", "sampler", "argument");
      if (argument != null && !argument.isEmpty()) {
        env.add(EnvVar.literal("OTEL_TRACES_SAMPLER_ARG", argument));
      }
    }

    // Last, so that the $(...) references in it point at variables defined before it.
    EnvVar resourceAttributes = env.remove(indexOf(env, RESOURCE_ATTRIBUTES));
    env.add(resourceAttributes);

    return new Result(
        List.copyOf(env),
        agentMountPath,
        List.of("cp", "/javaagent.jar", INIT_CONTAINER_MOUNT + "/javaagent.jar"),
        List.copyOf(extensions),
        sizeLimit == null ? DEFAULT_VOLUME_SIZE_LIMIT : sizeLimit,
        Map.copyOf(secretMounts),
        Map.copyOf(configMapMounts));
  }

  private static void configureExporter(
      Manifest instrumentation,
      List<EnvVar> env,
      Map<String, String> secretMounts,
      Map<String, String> configMapMounts) {
    String endpoint = instrumentation.string("spec", "exporter", "endpoint");
    if (endpoint != null && !endpoint.isEmpty()) {
      appendIfNotSet(env, List.of(EnvVar.literal("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)));
    }
    Map<String, Object> tls = instrumentation.map("spec", "exporter", "tls");
    if (tls.isEmpty()) {
      return;
    }
    String secretName = (String) tls.getOrDefault("secretName", "");
    String configMapName = (String) tls.getOrDefault("configMapName", "");
    String secretMount = "/otel-auto-instrumentation-secret-" + secretName;
    String configMapMount = "/otel-auto-instrumentation-configmap-" + configMapName;
    String ca = (String) tls.get("ca_file");
    if (ca != null && !ca.isEmpty()) {
      String directory = configMapName.isEmpty() ? secretMount : configMapMount;
      appendIfNotSet(
          env,
          List.of(EnvVar.literal("OTEL_EXPORTER_OTLP_CERTIFICATE", filePath(directory, ca))));
    }
    String cert = (String) tls.get("cert_file");
    if (cert != null && !cert.isEmpty()) {
      appendIfNotSet(
          env,
          List.of(
              EnvVar.literal(
                  "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", filePath(secretMount, cert))));
    }
    String key = (String) tls.get("key_file");
    if (key != null && !key.isEmpty()) {
      appendIfNotSet(
          env, List.of(EnvVar.literal("OTEL_EXPORTER_OTLP_CLIENT_KEY", filePath(secretMount, key))));
    }
    if (!secretName.isEmpty()) {
      secretMounts.put(secretMount, secretName);
    }
    if (!configMapName.isEmpty()) {
      configMapMounts.put(configMapMount, configMapName);
    }
  }

  /** A key of the mounted secret or config map, or an absolute path used as it is. */
  private static String filePath(String mountPath, String file) {
    return file.startsWith("/") ? file : mountPath + "/" + file;
  }

  /** The operator's createResourceMap, before the downward-API references are added. */
  private static Map<String, String> resourceMap(
      Manifest instrumentation, PodAtAdmission pod, List<EnvVar> env) {
    Map<String, Boolean> existing = new LinkedHashMap<>();
    EnvVar attributes = find(env, RESOURCE_ATTRIBUTES);
    if (attributes != null && attributes.value() != null) {
      for (String pair : attributes.value().split(",")) {
        String[] keyValue = pair.trim().split("=");
        if (keyValue.length == 2) {
          existing.put(keyValue[0], true);
        }
      }
    }
    Map<String, String> resources = new LinkedHashMap<>();
    instrumentation
        .map("spec", "resource", "resourceAttributes")
        .forEach(
            (key, value) -> {
              if (!existing.containsKey(key)) {
                resources.put(key, String.valueOf(value));
              }
            });

    boolean uids = Boolean.TRUE.equals(instrumentation.get("spec", "resource", "addK8sUIDAttributes"));
    Map<String, String> k8s = new LinkedHashMap<>();
    k8s.put("k8s.namespace.name", pod.namespace());
    k8s.put("k8s.container.name", pod.containerName());
    // Not known at admission for a pod created by a controller: filled in from the downward API.
    k8s.put("k8s.pod.name", "");
    k8s.put("k8s.pod.uid", "");
    k8s.put("k8s.node.name", "");
    k8s.put("service.instance.id", serviceInstanceId(pod));
    k8s.put("k8s.replicaset.name", pod.replicaSetName());
    if (uids) {
      k8s.put("k8s.replicaset.uid", pod.replicaSetUid());
    }
    k8s.put("k8s.deployment.name", pod.deploymentName());
    if (uids) {
      k8s.put("k8s.deployment.uid", pod.deploymentUid());
    }
    k8s.forEach(
        (key, value) -> {
          if (!existing.containsKey(key) && value != null && !value.isEmpty()) {
            resources.put(key, value);
          }
        });

    pod.annotations()
        .forEach(
            (key, value) -> {
              if (key.startsWith(ANNOTATION_PREFIX)) {
                String attribute = key.substring(ANNOTATION_PREFIX.length());
                if (!existing.containsKey(attribute) && !attribute.equals("service.name")) {
                  resources.put(attribute, value);
                }
              }
            });
    String serviceNamespace =
        pod.annotations().getOrDefault(ANNOTATION_PREFIX + "service.namespace", pod.namespace());
    if (!serviceNamespace.isEmpty() && !existing.containsKey("service.namespace")) {
      resources.put("service.namespace", serviceNamespace);
    }
    return resources;
  }

  private static String serviceInstanceId(PodAtAdmission pod) {
    String annotated = pod.annotations().get(ANNOTATION_PREFIX + "service.instance.id");
    if (annotated != null && !annotated.isEmpty()) {
      return annotated;
    }
    return pod.namespace() + ".$(" + POD_NAME + ")." + pod.containerName();
  }

  private static String serviceName(PodAtAdmission pod, Map<String, String> resources) {
    String annotated = pod.annotations().get(ANNOTATION_PREFIX + "service.name");
    if (annotated != null && !annotated.isEmpty()) {
      return annotated;
    }
    for (String owner :
        List.of(
            "k8s.deployment.name",
            "k8s.replicaset.name",
            "k8s.statefulset.name",
            "k8s.daemonset.name",
            "k8s.cronjob.name",
            "k8s.job.name",
            "k8s.pod.name")) {
      String name = resources.get(owner);
      if (name != null && !name.isEmpty()) {
        return name;
      }
    }
    return pod.containerName();
  }

  /** The annotation, else the image's tag (and digest), as the operator parses it. */
  private static String serviceVersion(PodAtAdmission pod) {
    String annotated = pod.annotations().get(ANNOTATION_PREFIX + "service.version");
    if (annotated != null && !annotated.isEmpty()) {
      return annotated;
    }
    String image = pod.image();
    String digest = "";
    int at = image.indexOf('@');
    if (at >= 0) {
      digest = image.substring(at + 1);
      image = image.substring(0, at);
    }
    int colon = image.lastIndexOf(':');
    String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
    if (!digest.isEmpty()) {
      return tag.isEmpty() ? digest : tag + "@" + digest;
    }
    return tag;
  }

  private static List<EnvVar> envList(Manifest manifest, Object... path) {
    List<EnvVar> env = new ArrayList<>();
    for (Object entry : manifest.list(path)) {
      env.add(EnvVar.fromSpec(Manifest.castMap(entry)));
    }
    return env;
  }

  private static void appendIfNotSet(List<EnvVar> env, List<EnvVar> additions) {
    for (EnvVar addition : additions) {
      if (find(env, addition.name()) == null) {
        env.add(addition);
      }
    }
  }

  private static EnvVar find(List<EnvVar> env, String name) {
    int index = indexOf(env, name);
    return index < 0 ? null : env.get(index);
  }

  private static int indexOf(List<EnvVar> env, String name) {
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
