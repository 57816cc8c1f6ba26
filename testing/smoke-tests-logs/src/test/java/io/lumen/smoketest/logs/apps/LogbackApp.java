package io.lumen.smoketest.logs.apps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs through SLF4J to logback, with a console pattern that prints the MDC. */
public final class LogbackApp {

  private static final Logger logger = LoggerFactory.getLogger("app.orders");

  public static void main(String[] args) throws Exception {
    logger.info("ready");
    WorkServer.serve(
        () -> {
          MDC.put("user", "alice");
          try {
            logger.debug("debug detail");
            logger.info("handling {}", "/work");
            logger.warn("work failed", new IllegalStateException("boom"));
          } finally {
            MDC.remove("user");
          }
        },
        () -> logger.info("after exchange"));
  }
}
