package io.lumen.instrumentation.opentelemetryapi.v1_10.trace;

import application.io.opentelemetry.api.trace.Tracer;
import io.lumen.instrumentation.opentelemetryapi.v1_0.trace.TraceBridging;
import io.opentelemetry.api.trace.TracerBuilder;

/** Builds an agent tracer with the application's instrumentation scope, version and schema. */
final class ApplicationTracerBuilder
    implements application.io.opentelemetry.api.trace.TracerBuilder {

  private final TracerBuilder agentBuilder;

  ApplicationTracerBuilder(TracerBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.trace.TracerBuilder setSchemaUrl(String schemaUrl) {
    agentBuilder.setSchemaUrl(schemaUrl);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.trace.TracerBuilder setInstrumentationVersion(
      String instrumentationScopeVersion) {
    agentBuilder.setInstrumentationVersion(instrumentationScopeVersion);
    return this;
  }

  @Override
  public Tracer build() {
    return TraceBridging.toApplication(agentBuilder.build());
  }
}
