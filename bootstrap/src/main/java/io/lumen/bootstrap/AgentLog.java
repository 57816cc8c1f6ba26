package io.lumen.bootstrap;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;

/**
 * The agent's own diagnostics: plain lines on standard error, prefixed {@code [lumen]}.
 *
 * <p>Never routed through {@code java.util.logging} or any framework the application configured;
 * the SDK's and exporters' {@code java.util.logging.Logger} calls are relocated to {@link
 * PatchLogger}, which ends here too.
 */
public final class AgentLog {

  /** Ordered like {@code java.util.logging.Level} values, lowest first. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private static volatile Level threshold = initialThreshold();

  private AgentLog() {}

  private static Level initialThreshold() {
    String debug = System.getProperty("otel.javaagent.debug");
    if (debug == null) {
      debug = System.getenv("OTEL_JAVAAGENT_DEBUG");
    }
    return "true".equalsIgnoreCase(debug == null ? null : debug.trim()) ? Level.DEBUG : Level.INFO;
  }

  public static void setThreshold(Level level) {
    threshold = level;
  }

  public static boolean isEnabled(Level level) {
    return level.ordinal() >= threshold.ordinal();
  }

  public static boolean isDebugEnabled() {
    return isEnabled(Level.DEBUG);
  }

  public static void debug(String message) {
    log(Level.DEBUG, message, null);
  }

  public static void debug(String message, Throwable error) {
    log(Level.DEBUG, message, error);
  }

  public static void info(String message) {
    log(Level.INFO, message, null);
  }

  public static void warn(String message) {
    log(Level.WARN, message, null);
  }

  public static void warn(String message, Throwable error) {
    log(Level.WARN, message, error);
  }

  public static void error(String message, Throwable error) {
    log(Level.ERROR, message, error);
  }

  public static void log(Level level, String message, Throwable error) {
    if (!isEnabled(level)) {
      return;
    }
    try {
      StringBuilder line = new StringBuilder(128);
      line.append("[lumen ")
          .append(new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).format(new Date()))
          .append("] [")
          .append(Thread.currentThread().getName())
          .append("] ")
          .append(level.name())
          .append(' ')
          .append(message);
      if (error != null) {
        if (isDebugEnabled()) {
          StringWriter trace = new StringWriter();
          error.printStackTrace(new PrintWriter(trace));
          line.append(System.lineSeparator()).append(trace);
        } else {
          line.append(": ").append(error);
        }
      }
      PrintStream err = System.err;
      err.println(line);
    } catch (Throwable ignored) {
      // never let diagnostics break the application
    }
  }
}
