package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.lumen.instrumentation.httpclient.common.HttpClientTelemetrySettings;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Collection;
import org.apache.hc.core5.http.HttpResponse;

/** Configures an {@link ApacheHttpClient5Telemetry}. */
public final class ApacheHttpClient5TelemetryBuilder
    implements HttpClientTelemetrySettings<ApacheHttpClient5TelemetryBuilder> {

  /** The instrumentation scope of this module's spans and metrics. */
  static final String INSTRUMENTATION_NAME = "io.lumen.apache-httpclient-5.0";

  private final OpenTelemetry openTelemetry;
  private final HttpClientInstrumenterBuilder<ApacheHttpClientRequest, HttpResponse>
      instrumenterBuilder;

  ApacheHttpClient5TelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.instrumenterBuilder =
        HttpClientInstrumenterBuilder.create(
            openTelemetry, INSTRUMENTATION_NAME, ApacheHttpClient5AttributesGetter.INSTANCE);
  }

  @Override
  public ApacheHttpClient5TelemetryBuilder setCapturedRequestHeaders(
      Collection<String> headerNames) {
    instrumenterBuilder.setCapturedRequestHeaders(headerNames);
    return this;
  }

  @Override
  public ApacheHttpClient5TelemetryBuilder setCapturedResponseHeaders(
      Collection<String> headerNames) {
    instrumenterBuilder.setCapturedResponseHeaders(headerNames);
    return this;
  }

  @Override
  public ApacheHttpClient5TelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    instrumenterBuilder.setKnownMethods(knownMethods);
    return this;
  }

  @Override
  public ApacheHttpClient5TelemetryBuilder addSensitiveQueryParameters(Collection<String> names) {
    instrumenterBuilder.addSensitiveQueryParameters(names);
    return this;
  }

  /** Returns telemetry with these settings; the builder may be reused. */
  public ApacheHttpClient5Telemetry build() {
    return new ApacheHttpClient5Telemetry(
        new ExchangeSpans(
            instrumenterBuilder.buildWithoutPropagation(), openTelemetry.getPropagators()));
  }
}
