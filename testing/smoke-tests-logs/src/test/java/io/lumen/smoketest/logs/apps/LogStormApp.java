package io.lumen.smoketest.logs.apps;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs {@code args[0]} lines through logback as fast as it can (to the file appender of its
 * configuration), then prints how many lines it logged, how long that took and the heap in use
 * after a full GC, and idles so that the agent can report its counters.
 */
public final class LogStormApp {

  public static void main(String[] args) throws InterruptedException {
    Logger logger = LoggerFactory.getLogger("app.storm");
    int lines = Integer.parseInt(args[0]);
    long start = System.nanoTime();
    int logged = 0;
    for (int i = 0; i < lines; i++) {
      logger.info("storm line {} of a burst that should cost the application nothing", i);
      logged++;
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.println(
        "STORM logged=" + logged + " elapsedMs=" + elapsedMillis + " heapUsedAfterGc="
            + heap.getUsed() + " heapMax=" + heap.getMax());
    Thread.sleep(Long.MAX_VALUE);
  }
}
