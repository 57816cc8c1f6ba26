package io.lumen.instrumentation.logback.mdc.v1_2.agent;

import io.lumen.instrumentation.logback.mdc.v1_2.LoggingEventCorrelation;
import io.lumen.instrumentation.logs.AgentLogBridges;

/** The correlation the advice applies, with the agent's key names, once per module loader. */
public final class LogbackMdcSingletons {

  private static final LoggingEventCorrelation CORRELATION =
      new LoggingEventCorrelation(AgentLogBridges.correlationKeys());

  private LogbackMdcSingletons() {}

  public static LoggingEventCorrelation correlation() {
    return CORRELATION;
  }
}
