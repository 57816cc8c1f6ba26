package io.lumen.smoketest.kubernetes;

import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.OtlpReceiverBuilder;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * Stands in for the collector DaemonSet of examples/kubernetes/collector.yaml: an OTLP receiver on
 * the "node's" address at the host ports 4317 (gRPC) and 4318 (HTTP), the very ports the
 * Instrumentation names, so the agent's port-4318 protocol rule is exercised as in a cluster.
 *
 * <p>The node address is a loopback address other than 127.0.0.1 (Linux routes all of 127/8 to
 * loopback): 4317 and 4318 are then free there even when a developer's own collector holds them
 * on 127.0.0.1.
 */
final class NodeLocalCollector implements AutoCloseable {

  static final int GRPC_HOST_PORT = 4317;
  static final int HTTP_HOST_PORT = 4318;

  private final String nodeIp;
  private final OtlpReceiver receiver;

  private NodeLocalCollector(String nodeIp, OtlpReceiver receiver) {
    this.nodeIp = nodeIp;
    this.receiver = receiver;
  }

  static NodeLocalCollector start() {
    return start(UnaryOperator.identity());
  }

  /** Starts with extra receiver settings, for example TLS. */
  static NodeLocalCollector start(UnaryOperator<OtlpReceiverBuilder> configuration) {
    UncheckedIOException last = null;
    for (int host = 2; host < 64; host++) {
      String address = "127.0.0." + host;
      try {
        OtlpReceiver receiver =
            configuration
                .apply(
                    OtlpReceiver.builder()
                        .setHost(address)
                        .setGrpcPort(GRPC_HOST_PORT)
                        .setHttpPort(HTTP_HOST_PORT))
                .start();
        return new NodeLocalCollector(address, receiver);
      } catch (UncheckedIOException e) {
        last = e; // taken on this address (another test run): try the next one
      }
    }
    throw new IllegalStateException(
        "no loopback address 127.0.0.2-63 with ports 4317 and 4318 free (this test needs Linux,"
            + " which routes 127/8 to loopback)",
        last);
  }

  /** {@code status.hostIP} of the pods on this node. */
  String nodeIp() {
    return nodeIp;
  }

  OtlpReceiver receiver() {
    return receiver;
  }

  @Override
  public void close() {
    receiver.close();
  }
}
