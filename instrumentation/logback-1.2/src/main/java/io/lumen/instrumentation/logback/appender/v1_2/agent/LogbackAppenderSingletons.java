package io.lumen.instrumentation.logback.appender.v1_2.agent;

import io.lumen.instrumentation.logback.appender.v1_2.LoggingEventMapper;
import io.lumen.instrumentation.logs.AgentLogBridges;

/** The mapper the advice emits through, built once per module class loader. */
public final class LogbackAppenderSingletons {

  private static final LoggingEventMapper MAPPER =
      new LoggingEventMapper(AgentLogBridges.create("logback-appender"));

  private LogbackAppenderSingletons() {}

  public static LoggingEventMapper mapper() {
    return MAPPER;
  }
}
