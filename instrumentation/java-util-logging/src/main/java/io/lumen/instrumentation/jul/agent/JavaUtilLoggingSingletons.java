package io.lumen.instrumentation.jul.agent;

import io.lumen.instrumentation.jul.LogRecordMapper;
import io.lumen.instrumentation.logs.AgentLogBridges;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** The mapper the advice emits through, and the logger's level check. */
public final class JavaUtilLoggingSingletons {

  private static final LogRecordMapper MAPPER =
      new LogRecordMapper(AgentLogBridges.create("java-util-logging"));

  /**
   * {@code Logger#isLoggable(Level)} and {@code Logger#getName()}, by handle: see {@link
   * LoggerInstrumentation#JUL_LOGGER}.
   */
  private static final MethodHandle IS_LOGGABLE =
      find("isLoggable", MethodType.methodType(boolean.class, Level.class));

  private static final MethodHandle GET_NAME = find("getName", MethodType.methodType(String.class));

  private JavaUtilLoggingSingletons() {}

  /**
   * Emits {@code record} if {@code logger} lets its level through: {@code log(LogRecord)} is
   * public, and checks the level only inside.
   */
  public static void emit(Object logger, LogRecord record) {
    boolean loggable;
    String loggerName = record.getLoggerName();
    try {
      loggable = (boolean) IS_LOGGABLE.invokeExact(logger, record.getLevel());
      if (loggerName == null) {
        loggerName = (String) GET_NAME.invokeExact(logger);
      }
    } catch (Throwable e) {
      // the logger itself failed: it will not publish the record either
      return;
    }
    if (loggable) {
      MAPPER.emit(record, loggerName);
    }
  }

  private static MethodHandle find(String name, MethodType type) {
    try {
      Class<?> loggerClass = Class.forName(LoggerInstrumentation.JUL_LOGGER, false, null);
      return MethodHandles.publicLookup()
          .findVirtual(loggerClass, name, type)
          .asType(type.insertParameterTypes(0, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("java.util.logging.Logger without " + name, e);
    }
  }
}
