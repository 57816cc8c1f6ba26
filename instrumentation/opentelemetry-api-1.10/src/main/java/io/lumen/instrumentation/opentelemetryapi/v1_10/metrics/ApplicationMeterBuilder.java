package io.lumen.instrumentation.opentelemetryapi.v1_10.metrics;

import application.io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;

/** Builds an agent meter with the application's instrumentation scope, version and schema. */
final class ApplicationMeterBuilder
    implements application.io.opentelemetry.api.metrics.MeterBuilder {

  private final MeterBuilder agentBuilder;

  ApplicationMeterBuilder(MeterBuilder agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public application.io.opentelemetry.api.metrics.MeterBuilder setSchemaUrl(String schemaUrl) {
    agentBuilder.setSchemaUrl(schemaUrl);
    return this;
  }

  @Override
  public application.io.opentelemetry.api.metrics.MeterBuilder setInstrumentationVersion(
      String instrumentationScopeVersion) {
    agentBuilder.setInstrumentationVersion(instrumentationScopeVersion);
    return this;
  }

  @Override
  public Meter build() {
    return new ApplicationMeter(agentBuilder.build());
  }
}
