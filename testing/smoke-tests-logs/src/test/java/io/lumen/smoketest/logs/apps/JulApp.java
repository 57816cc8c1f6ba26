package io.lumen.smoketest.logs.apps;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs through {@code java.util.logging} to its console handler. */
public final class JulApp {

  private static final Logger logger = Logger.getLogger("app.orders");

  public static void main(String[] args) throws Exception {
    logger.setLevel(Level.ALL);
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(Level.ALL);
    logger.addHandler(console);
    logger.setUseParentHandlers(false);
    System.out.println("log manager " + java.util.logging.LogManager.getLogManager().getClass().getName());
    logger.info("ready");
    WorkServer.serve(
        () -> {
          logger.fine("debug detail");
          logger.log(Level.INFO, "handling {0}", "/work");
          logger.log(Level.WARNING, "work failed", new IllegalStateException("boom"));
        },
        () -> logger.info("after exchange"));
  }
}
