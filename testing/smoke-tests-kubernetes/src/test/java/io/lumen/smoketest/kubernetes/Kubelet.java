package io.lumen.smoketest.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kubelet does with a container's declared environment when it starts the container:
 * downward-API fields get the running pod's values, and {@code $(NAME)} in a literal value is
 * replaced by the value of a variable declared <em>earlier</em> in the list ({@code $$} stands for
 * a literal {@code $}; a reference to an unknown or later variable stays as written). That order
 * rule is why the operator puts {@code OTEL_RESOURCE_ATTRIBUTES} last.
 */
final class Kubelet {

  /**
   * The values a running pod gives the downward-API fields the operator uses.
   *
   * @param hostIp {@code status.hostIP}: the node's address, where host ports listen
   */
  record RunningPod(String name, String uid, String nodeName, String hostIp, String podIp) {

    String field(String fieldPath) {
      return switch (fieldPath) {
        case "metadata.name" -> name;
        case "metadata.uid" -> uid;
        case "spec.nodeName" -> nodeName;
        case "status.hostIP" -> hostIp;
        case "status.podIP" -> podIp;
        default -> throw new IllegalArgumentException("downward-API field not modelled: " + fieldPath);
      };
    }
  }

  private Kubelet() {}

  /** The process environment of a container declaring {@code env}, in declaration order. */
  static Map<String, String> environment(List<EnvVar> env, RunningPod pod) {
    Map<String, String> resolved = new LinkedHashMap<>();
    for (EnvVar var : env) {
      String value =
          var.fieldPath() != null ? pod.field(var.fieldPath()) : expand(var.value(), resolved);
      resolved.put(var.name(), value);
    }
    return resolved;
  }

  static String expand(String value, Map<String, String> defined) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
        int close = value.indexOf(')', i + 2);
        String name = close < 0 ? null : value.substring(i + 2, close);
        if (name != null && defined.containsKey(name)) {
          out.append(defined.get(name));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
