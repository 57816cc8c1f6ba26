package io.lumen.instrumentation.jms.v1_1;

/**
 * Which JMS this copy of the module instruments. The jms-3.0 module is this module's classes with
 * {@code javax.jms} relocated to {@code jakarta.jms} (the APIs differ in nothing else), and the
 * relocation rewrites this string too: so the one source tells its two builds apart by it.
 */
public final class JmsNamespace {

  private static final String MESSAGE_CLASS = "javax.jms.Message";

  private JmsNamespace() {}

  public static boolean isJakarta() {
    return MESSAGE_CLASS.startsWith("jakarta.");
  }

  /** {@code jms-1.1} or {@code jms-3.0}, for {@code otel.instrumentation.<name>.enabled}. */
  public static String moduleName() {
    return isJakarta() ? "jms-3.0" : "jms-1.1";
  }

  /** The instrumentation scope of the spans and metrics. */
  static String instrumentationName() {
    return "io.lumen." + moduleName();
  }
}
