package io.lumen.instrumentation.opentelemetryapi.v1_0;

import io.lumen.instrumentation.opentelemetryapi.v1_0.context.AgentContextStorage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The bridge as the agent sets it up, without the agent: the application's API (API 1.0.1,
 * relocated to {@code application.io.opentelemetry}) has the agent's context storage installed the
 * way the advice installs it, and the agent's global OpenTelemetry (the real API) is an SDK that
 * records spans in memory.
 *
 * <p>The storage must be installed before anything in the test JVM first uses an application
 * context, so every test reaches the application's API through this class.
 */
final class BridgedApi {

  static final InMemorySpanExporter spans = InMemorySpanExporter.create();

  static final OpenTelemetrySdk agentSdk;

  /** What the application's {@code GlobalOpenTelemetry.get()} returns with the agent attached. */
  static final application.io.opentelemetry.api.OpenTelemetry applicationOpenTelemetry;

  static {
    application.io.opentelemetry.context.ContextStorage.addWrapper(
        AgentContextStorage.replacingWrapper());
    agentSdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(
                ContextPropagators.create(
                    TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(),
                        W3CBaggagePropagator.getInstance())))
            .buildAndRegisterGlobal();
    applicationOpenTelemetry = ApplicationOpenTelemetry.get();
  }

  private BridgedApi() {}

  static application.io.opentelemetry.api.trace.Tracer applicationTracer() {
    return applicationOpenTelemetry.getTracer("app-tracer", "2.0");
  }

  static io.opentelemetry.api.trace.Tracer agentTracer() {
    return agentSdk.getTracer("agent-tracer");
  }
}
