package io.lumen.smoketest.logs.apps;

/** Collects garbage once, so that the GC metrics have a point, then idles. */
public final class IdleApp {

  public static void main(String[] args) throws InterruptedException {
    byte[][] garbage = new byte[64][];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = new byte[64 * 1024];
    }
    garbage = null;
    System.gc();
    System.out.println("IDLE");
    Thread.sleep(Long.MAX_VALUE);
  }
}
