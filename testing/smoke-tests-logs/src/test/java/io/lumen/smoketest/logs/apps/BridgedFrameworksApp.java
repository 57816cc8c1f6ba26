package io.lumen.smoketest.logs.apps;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One event through each bridge into logback: java.util.logging via jul-to-slf4j, the Log4j API
 * via log4j-to-slf4j, and SLF4J itself. Then exits.
 */
public final class BridgedFrameworksApp {

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("bridged.jul").info("from java.util.logging");
    org.apache.logging.log4j.LogManager.getLogger("bridged.log4j").info("from the Log4j API");
    LoggerFactory.getLogger("bridged.slf4j").info("from SLF4J");
    System.out.println("LOGGED");
  }
}
