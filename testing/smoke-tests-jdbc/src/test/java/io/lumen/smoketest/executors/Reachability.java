package io.lumen.smoketest.executors;

import java.lang.ref.WeakReference;
import java.util.List;

/** Whether objects can be collected, asked of the garbage collector. */
final class Reachability {

  private Reachability() {}

  /**
   * How many of the referenced objects are still reachable after the collector had its chances:
   * {@code System.gc()} is a request, so it is made several times before anything is counted.
   */
  static long reachable(List<? extends WeakReference<?>> references) throws InterruptedException {
    long reachable = count(references);
    for (int attempt = 0; attempt < 20 && reachable > 0; attempt++) {
      System.gc();
      Thread.sleep(50);
      reachable = count(references);
    }
    return reachable;
  }

  private static long count(List<? extends WeakReference<?>> references) {
    return references.stream().filter(reference -> reference.get() != null).count();
  }
}
