package io.lumen.smoketest.logs.apps;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/** Logs through the Log4j 2 API to log4j-core, with a console pattern that prints the MDC. */
public final class Log4jApp {

  private static final Logger logger = LogManager.getLogger("app.orders");

  public static void main(String[] args) throws Exception {
    logger.info("ready");
    WorkServer.serve(
        () -> {
          ThreadContext.put("user", "alice");
          try {
            logger.debug("debug detail");
            logger.info("handling {}", "/work");
            logger.warn("work failed", new IllegalStateException("boom"));
          } finally {
            ThreadContext.remove("user");
          }
        },
        () -> logger.info("after exchange"));
  }
}
