package io.lumen.instrumentation.logs;

/**
 * Marks the current thread as inside a logging call that is being exported, so that only the
 * outermost call exports.
 *
 * <p>Why: logging frameworks forward to each other. SLF4J's {@code jul-to-slf4j} hands every
 * {@code java.util.logging} record to logback, {@code log4j-to-slf4j} hands Log4j calls to logback,
 * {@code log4j-jul} goes the other way. Each framework's bridge would export the same event again.
 * The same mark stops a record from being exported once more when exporting it logs on the same
 * thread (a synchronous console exporter that writes through {@code java.util.logging}, say).
 *
 * <p>In the agent this class is defined once, in the agent class loader, so the mark is shared by
 * the bridges of every framework in every application class loader. Every {@link #enter()} must be
 * paired with one {@link #exit()}, also when the logging call throws:
 *
 * <pre>{@code
 * boolean outermost = LogCaptureGuard.enter();
 * try {
 *   if (outermost) {
 *     bridge.emit(...);
 *   }
 *   // the framework's own dispatch, which may reach another bridged framework
 * } finally {
 *   LogCaptureGuard.exit();
 * }
 * }</pre>
 */
public final class LogCaptureGuard {

  private static final ThreadLocal<int[]> depth =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private LogCaptureGuard() {}

  /** Enters a logging call; returns whether it is the outermost one, the one that exports. */
  public static boolean enter() {
    return depth.get()[0]++ == 0;
  }

  /** Leaves the logging call {@link #enter()} entered. */
  public static void exit() {
    int[] current = depth.get();
    if (current[0] > 0) {
      current[0]--;
    }
  }

  /** Whether the current thread is inside a logging call, for bridges that only need to know. */
  public static boolean isActive() {
    return depth.get()[0] > 0;
  }
}
