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

  /** {@code Logger#isLoggable(Level)}, by handle: see {@link LoggerInstrumentation#JUL_LOGGER}. */
  private static final MethodHandle IS_LOGGABLE = findIsLoggable();

  private JavaUtilLoggingSingletons() {}

  /**
   * Emits {@code record} if {@code logger} lets its level through: {@code log(LogRecord)} is
   * public, and checks the level only inside.
   */
  public static void emit(Object logger, LogRecord record) {
    boolean loggable;
    try {
      loggable = (boolean) IS_LOGGABLE.invokeExact(logger, record.getLevel());
    } catch (Throwable e) {
      // isLoggable itself failed: the logger will not publish the record either
      return;
    }
    if (loggable) {
      MAPPER.emit(record);
    }
  }

  private static MethodHandle findIsLoggable() {
    try {
      Class<?> loggerClass = Class.forName(LoggerInstrumentation.JUL_LOGGER, false, null);
      return MethodHandles.publicLookup()
          .findVirtual(
              loggerClass, "isLoggable", MethodType.methodType(boolean.class, Level.class))
          .asType(MethodType.methodType(boolean.class, Object.class, Level.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("java.util.logging without Logger#isLoggable", e);
    }
  }
}
