package io.lumen.instrumentation.javahttpclient.internal;

import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.opentelemetry.api.OpenTelemetry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The one place the JDK client's instrumenter is configured, for both modes. Internal. */
public final class JavaHttpClientInstrumenters {

  /** The instrumentation scope of this module's spans and metrics. */
  public static final String INSTRUMENTATION_NAME = "io.lumen.java-http-client";

  private JavaHttpClientInstrumenters() {}

  public static HttpClientInstrumenterBuilder<HttpRequest, HttpResponse<?>> builder(
      OpenTelemetry openTelemetry) {
    return HttpClientInstrumenterBuilder.create(
        openTelemetry, INSTRUMENTATION_NAME, JavaHttpClientAttributesGetter.INSTANCE);
  }

  /** The send telemetry an instrumenter from {@link #builder} makes. */
  public static HttpSendTelemetry sendTelemetry(
      OpenTelemetry openTelemetry,
      HttpClientInstrumenterBuilder<HttpRequest, HttpResponse<?>> builder) {
    return new HttpSendTelemetry(builder.buildWithoutPropagation(), openTelemetry.getPropagators());
  }
}
