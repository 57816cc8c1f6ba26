package io.lumen.instrumentation.okhttp.v3_0;

import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.lumen.instrumentation.httpclient.common.HttpClientTelemetrySettings;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Collection;
import okhttp3.Request;
import okhttp3.Response;

/** Configures an {@link OkHttpTelemetry}. */
public final class OkHttpTelemetryBuilder
    implements HttpClientTelemetrySettings<OkHttpTelemetryBuilder> {

  /** The instrumentation scope of this module's spans and metrics. */
  static final String INSTRUMENTATION_NAME = "io.lumen.okhttp-3.0";

  private final OpenTelemetry openTelemetry;
  private final HttpClientInstrumenterBuilder<Request, Response> instrumenterBuilder;

  OkHttpTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.instrumenterBuilder =
        HttpClientInstrumenterBuilder.create(
            openTelemetry, INSTRUMENTATION_NAME, OkHttpAttributesGetter.INSTANCE);
  }

  @Override
  public OkHttpTelemetryBuilder setCapturedRequestHeaders(Collection<String> headerNames) {
    instrumenterBuilder.setCapturedRequestHeaders(headerNames);
    return this;
  }

  @Override
  public OkHttpTelemetryBuilder setCapturedResponseHeaders(Collection<String> headerNames) {
    instrumenterBuilder.setCapturedResponseHeaders(headerNames);
    return this;
  }

  @Override
  public OkHttpTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    instrumenterBuilder.setKnownMethods(knownMethods);
    return this;
  }

  @Override
  public OkHttpTelemetryBuilder addSensitiveQueryParameters(Collection<String> names) {
    instrumenterBuilder.addSensitiveQueryParameters(names);
    return this;
  }

  /** Returns telemetry with these settings; the builder may be reused. */
  public OkHttpTelemetry build() {
    return new OkHttpTelemetry(
        new TelemetryInterceptor(
            instrumenterBuilder.buildWithoutPropagation(), openTelemetry.getPropagators()));
  }
}
