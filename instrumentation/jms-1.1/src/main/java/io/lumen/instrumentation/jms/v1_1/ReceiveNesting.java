package io.lumen.instrumentation.jms.v1_1;

/**
 * How deep in {@code receive} calls this thread is. A receive span is recorded after the call, when
 * no span of it is current to suppress an inner one, so a consumer that wraps another (a proxy, a
 * pool's consumer) would record the same message twice; only the outermost call records.
 */
public final class ReceiveNesting {

  private static final ThreadLocal<int[]> DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private ReceiveNesting() {}

  public static void enter() {
    DEPTH.get()[0]++;
  }

  /** Leaves one level; true if that was the outermost call. */
  public static boolean exitOutermost() {
    int[] depth = DEPTH.get();
    depth[0] = Math.max(0, depth[0] - 1);
    return depth[0] == 0;
  }
}
