package io.lumen.instrumentation.servlet.v3_0;

/**
 * Which Servlet API this copy of the module instruments. The servlet-5.0 module is this module's
 * classes with {@code javax.servlet} relocated to {@code jakarta.servlet} (Servlet 5.0 renamed the
 * package; what this module calls is the same in 3.0 to 6.1), and the relocation rewrites this
 * string too: so the one source tells its two builds apart by it. Public for the agent part of this
 * module; not for applications.
 */
public final class ServletNamespace {

  private static final String SERVLET_CLASS = "javax.servlet.Servlet";

  private ServletNamespace() {}

  public static boolean isJakarta() {
    return SERVLET_CLASS.startsWith("jakarta.");
  }

  /**
   * {@code servlet-3.0} or {@code servlet-5.0}, for {@code otel.instrumentation.<name>.enabled}.
   */
  public static String moduleName() {
    return isJakarta() ? "servlet-5.0" : "servlet-3.0";
  }

  /** The instrumentation scope of the spans and metrics. */
  static String instrumentationName() {
    return "io.lumen." + moduleName();
  }
}
