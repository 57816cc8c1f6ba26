package io.lumen.smoketest.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod as the OpenTelemetry Operator's admission webhook sees it when a Deployment's ReplicaSet
 * creates it: the template's container, labels and annotations, and the owner chain, but no name,
 * UID or node yet (those exist only once the API server and the scheduler have run, which is why
 * the operator refers to them through the downward API).
 *
 * @param env the container's own environment, in order
 * @param annotations the pod template's annotations
 */
record PodAtAdmission(
    String namespace,
    String containerName,
    String image,
    List<EnvVar> env,
    Map<String, String> annotations,
    String replicaSetName,
    String replicaSetUid,
    String deploymentName,
    String deploymentUid) {

  /** The first container of {@code deployment}'s pod template, created by ReplicaSet {@code hash}. */
  static PodAtAdmission fromDeployment(
      Manifest deployment, String podTemplateHash, String replicaSetUid, String deploymentUid) {
    String containerName = deployment.string("spec", "template", "spec", "containers", 0, "name");
    List<EnvVar> env = new ArrayList<>();
    for (Object entry : deployment.list("spec", "template", "spec", "containers", 0, "env")) {
      env.add(EnvVar.fromSpec(Manifest.castMap(entry)));
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    deployment
        .map("spec", "template", "metadata", "annotations")
        .forEach((key, value) -> annotations.put(key, String.valueOf(value)));
    return new PodAtAdmission(
        deployment.string("metadata", "namespace"),
        containerName,
        deployment.string("spec", "template", "spec", "containers", 0, "image"),
        List.copyOf(env),
        Map.copyOf(annotations),
        deployment.name() + "-" + podTemplateHash,
        replicaSetUid,
        deployment.name(),
        deploymentUid);
  }

  /** The same pod whose container declares {@code newEnv} instead. */
  PodAtAdmission withEnv(List<EnvVar> newEnv) {
    return new PodAtAdmission(
        namespace, containerName, image, List.copyOf(newEnv), annotations, replicaSetName,
        replicaSetUid, deploymentName, deploymentUid);
  }

  /** The same pod whose container is named {@code name}, for other mount paths. */
  PodAtAdmission withContainerName(String name) {
    return new PodAtAdmission(
        namespace, name, image, env, annotations, replicaSetName, replicaSetUid, deploymentName,
        deploymentUid);
  }
}
