package io.lumen.instrumentation.javahttpclient.agent;

import io.lumen.instrumentation.httpclient.common.HttpClientAgentConfig;
import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.lumen.instrumentation.javahttpclient.internal.HttpSendTelemetry;
import io.lumen.instrumentation.javahttpclient.internal.JavaHttpClientInstrumenters;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The agent's send telemetry, built once from its SDK and configuration. */
public final class JavaHttpClientSingletons {

  private static final HttpSendTelemetry TELEMETRY = create();

  private JavaHttpClientSingletons() {}

  public static HttpSendTelemetry telemetry() {
    return TELEMETRY;
  }

  private static HttpSendTelemetry create() {
    OpenTelemetry openTelemetry = GlobalOpenTelemetry.get();
    HttpClientInstrumenterBuilder<HttpRequest, HttpResponse<?>> builder =
        HttpClientAgentConfig.get().applyTo(JavaHttpClientInstrumenters.builder(openTelemetry));
    return JavaHttpClientInstrumenters.sendTelemetry(openTelemetry, builder);
  }
}
