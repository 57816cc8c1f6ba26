package io.lumen.instrumentation.log4j.appender.v2_7.agent;

import io.lumen.instrumentation.log4j.appender.v2_7.Log4jEventMapper;
import io.lumen.instrumentation.logs.AgentLogBridges;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.Message;

/** The mapper the advice emits through, built once per module class loader. */
public final class Log4jAppenderSingletons {

  private static final Log4jEventMapper MAPPER =
      new Log4jEventMapper(AgentLogBridges.create("log4j-appender"));

  private Log4jAppenderSingletons() {}

  /** Emits a call as it enters the logger: the event time is now, the context data the thread's. */
  public static void emit(Logger logger, Level level, Message message, Throwable thrown) {
    Instant now = Instant.now();
    MAPPER.emit(
        logger.getName(),
        level,
        message,
        thrown,
        TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano(),
        MAPPER.capturesContextData() ? ThreadContext.getImmutableContext() : null);
  }
}
