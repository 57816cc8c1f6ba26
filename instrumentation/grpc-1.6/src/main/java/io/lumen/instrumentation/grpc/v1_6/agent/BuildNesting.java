package io.lumen.instrumentation.grpc.v1_6.agent;

/**
 * How deep in builder {@code build()} calls this thread is, per kind of builder. From gRPC 1.36 to
 * the mid 1.5x releases the transports' builders ({@code NettyChannelBuilder}, {@code
 * InProcessServerBuilder}...) extend the old {@code AbstractManagedChannelImplBuilder} / {@code
 * AbstractServerImplBuilder}, which by then only forward to a {@code ManagedChannelImplBuilder} /
 * {@code ServerImplBuilder}: both {@code build()} methods are advised, and the inner one, on
 * another builder object, would add a second interceptor to every channel and server (a second
 * span per call wherever span suppression is off). Only the outermost {@code build()} adds one;
 * interceptors added to a forwarding builder reach the builder it forwards to.
 */
final class BuildNesting {

  static final BuildNesting CHANNELS = new BuildNesting();
  static final BuildNesting SERVERS = new BuildNesting();

  private final ThreadLocal<int[]> depth =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private BuildNesting() {}

  /** Enters one {@code build()}; true if it is the outermost. */
  boolean enter() {
    return depth.get()[0]++ == 0;
  }

  void exit() {
    int[] current = depth.get();
    current[0] = Math.max(0, current[0] - 1);
  }
}
