package io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.agent;

import io.lumen.instrumentation.jbosslogmanager.mdc.v2_1.ExtLogRecordCorrelation;
import io.lumen.instrumentation.logs.AgentLogBridges;

/** The correlation the advice applies, with the agent's key names, once per module loader. */
public final class JbossLogManagerMdcSingletons {

  private static final ExtLogRecordCorrelation CORRELATION =
      new ExtLogRecordCorrelation(AgentLogBridges.correlationKeys());

  private JbossLogManagerMdcSingletons() {}

  public static ExtLogRecordCorrelation correlation() {
    return CORRELATION;
  }
}
