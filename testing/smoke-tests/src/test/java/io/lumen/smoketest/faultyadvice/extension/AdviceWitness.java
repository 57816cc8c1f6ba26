package io.lumen.smoketest.faultyadvice.extension;

/**
 * Leaves a trace that a piece of advice ran, in system properties (the one place the advice, in
 * its module class loader, and the application share), so that a test can tell advice that ran and
 * failed from advice that never ran, even when the agent logs nothing.
 */
public final class AdviceWitness {

  /** Prefix of the system properties set, one per kind of advice. */
  public static final String PROPERTY_PREFIX = "lumen.test.faulty-advice.";

  private AdviceWitness() {}

  static void ran(String advice) {
    System.setProperty(PROPERTY_PREFIX + advice, "ran");
  }
}
