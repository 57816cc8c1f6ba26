package io.lumen.instrumentation.javahttpclient;

import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.lumen.instrumentation.httpclient.common.HttpClientTelemetrySettings;
import io.lumen.instrumentation.javahttpclient.internal.JavaHttpClientInstrumenters;
import io.opentelemetry.api.OpenTelemetry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;

/** Configures a {@link JavaHttpClientTelemetry}. */
public final class JavaHttpClientTelemetryBuilder
    implements HttpClientTelemetrySettings<JavaHttpClientTelemetryBuilder> {

  private final OpenTelemetry openTelemetry;
  private final HttpClientInstrumenterBuilder<HttpRequest, HttpResponse<?>> instrumenterBuilder;

  JavaHttpClientTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.instrumenterBuilder = JavaHttpClientInstrumenters.builder(openTelemetry);
  }

  @Override
  public JavaHttpClientTelemetryBuilder setCapturedRequestHeaders(Collection<String> headerNames) {
    instrumenterBuilder.setCapturedRequestHeaders(headerNames);
    return this;
  }

  @Override
  public JavaHttpClientTelemetryBuilder setCapturedResponseHeaders(Collection<String> headerNames) {
    instrumenterBuilder.setCapturedResponseHeaders(headerNames);
    return this;
  }

  @Override
  public JavaHttpClientTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    instrumenterBuilder.setKnownMethods(knownMethods);
    return this;
  }

  @Override
  public JavaHttpClientTelemetryBuilder addSensitiveQueryParameters(Collection<String> names) {
    instrumenterBuilder.addSensitiveQueryParameters(names);
    return this;
  }

  /** Returns telemetry with these settings; the builder may be reused. */
  public JavaHttpClientTelemetry build() {
    return new JavaHttpClientTelemetry(
        JavaHttpClientInstrumenters.sendTelemetry(openTelemetry, instrumenterBuilder));
  }
}
