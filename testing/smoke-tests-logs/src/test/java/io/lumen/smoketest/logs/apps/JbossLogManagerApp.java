package io.lumen.smoketest.logs.apps;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Logs through JBoss LogManager (run with {@code
 * -Djava.util.logging.manager=org.jboss.logmanager.LogManager}) to its own console handler, whose
 * pattern prints the MDC as the other logging applications' patterns do.
 */
public final class JbossLogManagerApp {

  private static final Logger logger = Logger.getLogger("app.orders");

  public static void main(String[] args) throws Exception {
    logger.setLevel(Level.ALL);
    ConsoleHandler console =
        new ConsoleHandler(
            ConsoleHandler.Target.SYSTEM_OUT,
            new PatternFormatter(
                "trace_id=[%X{trace_id}] span_id=[%X{span_id}] trace_flags=[%X{trace_flags}]"
                    + " user=[%X{user}] %s%n"));
    console.setLevel(Level.ALL);
    console.setAutoFlush(true);
    logger.addHandler(console);
    logger.setUseParentHandlers(false);
    System.out.println(
        "log manager " + java.util.logging.LogManager.getLogManager().getClass().getName());
    logger.info("ready");
    WorkServer.serve(
        () -> {
          MDC.put("user", "alice");
          try {
            logger.fine("debug detail");
            logger.log(Level.INFO, "handling {0}", "/work");
            logger.log(Level.WARNING, "work failed", new IllegalStateException("boom"));
          } finally {
            MDC.remove("user");
          }
        },
        () -> logger.info("after exchange"));
  }
}
