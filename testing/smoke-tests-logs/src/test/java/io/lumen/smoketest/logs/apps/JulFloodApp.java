package io.lumen.smoketest.logs.apps;

import java.util.logging.Logger;

/**
 * Logs {@code args[0]} warnings through java.util.logging, pausing {@code args[1]} ms between them
 * so that exports run (and fail) meanwhile; prints {@code LOGGED <n>}, then idles.
 */
public final class JulFloodApp {

  public static void main(String[] args) throws InterruptedException {
    Logger logger = Logger.getLogger("app.flood");
    int lines = Integer.parseInt(args[0]);
    long pauseMillis = Long.parseLong(args[1]);
    for (int i = 0; i < lines; i++) {
      logger.warning("line " + i);
      Thread.sleep(pauseMillis);
    }
    System.out.println("LOGGED " + lines);
    Thread.sleep(Long.MAX_VALUE);
  }
}
