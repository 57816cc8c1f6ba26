package io.lumen.bootstrap;

import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Stands in for {@code java.util.logging.Logger} in every library bundled into the agent: the
 * agent jar build relocates {@code java.util.logging.Logger} to this class.
 *
 * <p>Why: the SDK and exporters log through {@code java.util.logging}. Letting them touch the real
 * {@code LogManager} would initialise it before the application chose its own (JBoss LogManager,
 * Log4j's JUL bridge), and would send the agent's messages into the application's logs. Here they go
 * to {@link AgentLog} on standard error instead. The method set mirrors {@code Logger}'s public API
 * so that relocated call sites always link.
 */
public final class PatchLogger {

  public static final String GLOBAL_LOGGER_NAME = "global";

  private static final PatchLogger ANONYMOUS = new PatchLogger("");
  private static final ConcurrentMap<String, Filter> FILTERS = new ConcurrentHashMap<>();

  private final String name;

  private PatchLogger(String name) {
    this.name = name;
  }

  public static PatchLogger getLogger(String name) {
    return new PatchLogger(name);
  }

  public static PatchLogger getLogger(String name, String resourceBundleName) {
    return new PatchLogger(name);
  }

  public static PatchLogger getGlobal() {
    return new PatchLogger(GLOBAL_LOGGER_NAME);
  }

  public static PatchLogger getAnonymousLogger() {
    return ANONYMOUS;
  }

  public static PatchLogger getAnonymousLogger(String resourceBundleName) {
    return ANONYMOUS;
  }

  public String getName() {
    return name;
  }

  public void severe(String msg) {
    log(Level.SEVERE, msg);
  }

  public void severe(Supplier<String> msgSupplier) {
    log(Level.SEVERE, msgSupplier);
  }

  public void warning(String msg) {
    log(Level.WARNING, msg);
  }

  public void warning(Supplier<String> msgSupplier) {
    log(Level.WARNING, msgSupplier);
  }

  public void info(String msg) {
    log(Level.INFO, msg);
  }

  public void info(Supplier<String> msgSupplier) {
    log(Level.INFO, msgSupplier);
  }

  public void config(String msg) {
    log(Level.CONFIG, msg);
  }

  public void config(Supplier<String> msgSupplier) {
    log(Level.CONFIG, msgSupplier);
  }

  public void fine(String msg) {
    log(Level.FINE, msg);
  }

  public void fine(Supplier<String> msgSupplier) {
    log(Level.FINE, msgSupplier);
  }

  public void finer(String msg) {
    log(Level.FINER, msg);
  }

  public void finer(Supplier<String> msgSupplier) {
    log(Level.FINER, msgSupplier);
  }

  public void finest(String msg) {
    log(Level.FINEST, msg);
  }

  public void finest(Supplier<String> msgSupplier) {
    log(Level.FINEST, msgSupplier);
  }

  public void log(LogRecord record) {
    if (record != null) {
      emit(record.getLevel(), record.getMessage(), record.getThrown());
    }
  }

  public void log(Level level, String msg) {
    emit(level, msg, null);
  }

  public void log(Level level, Supplier<String> msgSupplier) {
    if (isLoggable(level)) {
      emit(level, msgSupplier.get(), null);
    }
  }

  public void log(Level level, String msg, Object param1) {
    emit(level, format(msg, new Object[] {param1}), null);
  }

  public void log(Level level, String msg, Object[] params) {
    emit(level, format(msg, params), null);
  }

  public void log(Level level, String msg, Throwable thrown) {
    emit(level, msg, thrown);
  }

  public void log(Level level, Throwable thrown, Supplier<String> msgSupplier) {
    if (isLoggable(level)) {
      emit(level, msgSupplier.get(), thrown);
    }
  }

  public void logp(Level level, String sourceClass, String sourceMethod, String msg) {
    emit(level, msg, null);
  }

  public void logp(
      Level level, String sourceClass, String sourceMethod, Supplier<String> msgSupplier) {
    log(level, msgSupplier);
  }

  public void logp(
      Level level, String sourceClass, String sourceMethod, String msg, Object param1) {
    log(level, msg, param1);
  }

  public void logp(
      Level level, String sourceClass, String sourceMethod, String msg, Object[] params) {
    log(level, msg, params);
  }

  public void logp(
      Level level, String sourceClass, String sourceMethod, String msg, Throwable thrown) {
    emit(level, msg, thrown);
  }

  public void logp(
      Level level,
      String sourceClass,
      String sourceMethod,
      Throwable thrown,
      Supplier<String> msgSupplier) {
    log(level, thrown, msgSupplier);
  }

  public void logrb(
      Level level, String sourceClass, String sourceMethod, String bundleName, String msg) {
    emit(level, msg, null);
  }

  public void logrb(
      Level level,
      String sourceClass,
      String sourceMethod,
      String bundleName,
      String msg,
      Object param1) {
    log(level, msg, param1);
  }

  public void logrb(
      Level level,
      String sourceClass,
      String sourceMethod,
      String bundleName,
      String msg,
      Object[] params) {
    log(level, msg, params);
  }

  public void logrb(
      Level level,
      String sourceClass,
      String sourceMethod,
      String bundleName,
      String msg,
      Throwable thrown) {
    emit(level, msg, thrown);
  }

  public void logrb(
      Level level,
      String sourceClass,
      String sourceMethod,
      ResourceBundle bundle,
      String msg,
      Object... params) {
    log(level, msg, params);
  }

  public void logrb(Level level, ResourceBundle bundle, String msg, Object... params) {
    log(level, msg, params);
  }

  public void logrb(
      Level level,
      String sourceClass,
      String sourceMethod,
      ResourceBundle bundle,
      String msg,
      Throwable thrown) {
    emit(level, msg, thrown);
  }

  public void logrb(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    emit(level, msg, thrown);
  }

  public void entering(String sourceClass, String sourceMethod) {}

  public void entering(String sourceClass, String sourceMethod, Object param1) {}

  public void entering(String sourceClass, String sourceMethod, Object[] params) {}

  public void exiting(String sourceClass, String sourceMethod) {}

  public void exiting(String sourceClass, String sourceMethod, Object result) {}

  public void throwing(String sourceClass, String sourceMethod, Throwable thrown) {}

  public boolean isLoggable(Level level) {
    if (level == null) {
      return false;
    }
    if (level.intValue() >= Level.INFO.intValue() && isLumenLogger()) {
      return AgentLog.isEnabled(AgentLog.Level.INFO);
    }
    return AgentLog.isEnabled(toAgentLevel(level));
  }

  public Level getLevel() {
    return AgentLog.isDebugEnabled() ? Level.FINE : Level.INFO;
  }

  public void setLevel(Level newLevel) {}

  public PatchLogger getParent() {
    return null;
  }

  public void setParent(PatchLogger parent) {}

  public void addHandler(Handler handler) {}

  public void removeHandler(Handler handler) {}

  public Handler[] getHandlers() {
    return new Handler[0];
  }

  public void setUseParentHandlers(boolean useParentHandlers) {}

  public boolean getUseParentHandlers() {
    return false;
  }

  public ResourceBundle getResourceBundle() {
    return null;
  }

  public String getResourceBundleName() {
    return null;
  }

  public void setResourceBundle(ResourceBundle bundle) {}

  public Filter getFilter() {
    return FILTERS.get(name);
  }

  /**
   * Unlike the rest of the configuration methods, honoured: the SDK sets a filter to keep the
   * exporters' per-batch failure messages out of the log while it reports an outage once itself.
   * Kept per logger name, because every {@link #getLogger} call returns a new instance.
   */
  public void setFilter(Filter newFilter) {
    if (newFilter == null) {
      FILTERS.remove(name);
    } else {
      FILTERS.put(name, newFilter);
    }
  }

  private void emit(Level level, String msg, Throwable thrown) {
    if (level == null || level == Level.OFF) {
      return;
    }
    AgentLog.Level agentLevel = toAgentLevel(level);
    if (agentLevel == AgentLog.Level.DEBUG
        && level.intValue() >= Level.INFO.intValue()
        && isLumenLogger()) {
      // Lumen's own modules say things at INFO that users should see (which OTLP protocol an
      // endpoint implies); only bundled libraries are demoted to debug.
      agentLevel = AgentLog.Level.INFO;
    }
    if (AgentLog.isEnabled(agentLevel) && passesFilter(level, msg, thrown)) {
      AgentLog.log(agentLevel, name.isEmpty() ? String.valueOf(msg) : name + " - " + msg, thrown);
    }
  }

  private boolean passesFilter(Level level, String msg, Throwable thrown) {
    Filter filter = FILTERS.get(name);
    if (filter == null) {
      return true;
    }
    try {
      // A LogRecord is a plain value: building one does not start the LogManager.
      LogRecord record = new LogRecord(level, msg);
      record.setLoggerName(name);
      record.setThrown(thrown);
      return filter.isLoggable(record);
    } catch (Throwable t) {
      return true;
    }
  }

  private boolean isLumenLogger() {
    return name.startsWith("io.lumen.") && !name.startsWith("io.lumen.shaded.");
  }

  private static AgentLog.Level toAgentLevel(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return AgentLog.Level.ERROR;
    } else if (value >= Level.WARNING.intValue()) {
      return AgentLog.Level.WARN;
    }
    // Bundled libraries narrate at INFO ("Calling shutdown() multiple times"); an application's
    // standard error is no place for that unless otel.javaagent.debug asks for it.
    return AgentLog.Level.DEBUG;
  }

  private static String format(String msg, Object[] params) {
    if (msg == null || params == null || params.length == 0 || msg.indexOf('{') < 0) {
      return msg;
    }
    try {
      return java.text.MessageFormat.format(msg, params);
    } catch (IllegalArgumentException e) {
      return msg;
    }
  }
}
