package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Bridges the application's own OpenTelemetry API (1.0 and later) to the agent: its {@code
 * GlobalOpenTelemetry} is the agent's SDK and its current context is the agent's. Enabled by {@code
 * otel.instrumentation.opentelemetry-api.enabled}.
 *
 * <p>Type names are written {@code application.io.opentelemetry...}: the agent jar build relocates
 * them to the application's {@code io.opentelemetry...}, while every plain {@code io.opentelemetry}
 * name here is the agent's own, relocated API.
 */
public final class OpenTelemetryApiInstrumentationModule extends InstrumentationModule {

  public OpenTelemetryApiInstrumentationModule() {
    super("opentelemetry-api", "opentelemetry-api-1.0");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new GlobalOpenTelemetryInstrumentation(), new ContextStorageWrappersInstrumentation());
  }
}
