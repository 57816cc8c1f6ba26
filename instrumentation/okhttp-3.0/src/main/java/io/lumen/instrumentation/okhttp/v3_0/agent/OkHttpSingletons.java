package io.lumen.instrumentation.okhttp.v3_0.agent;

import io.lumen.instrumentation.httpclient.common.HttpClientAgentConfig;
import io.lumen.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/** The agent's OkHttp telemetry, built once per application class loader. */
public final class OkHttpSingletons {

  private static final OkHttpTelemetry TELEMETRY =
      HttpClientAgentConfig.get()
          .applyTo(OkHttpTelemetry.builder(GlobalOpenTelemetry.get()))
          .build();

  private OkHttpSingletons() {}

  public static OkHttpTelemetry telemetry() {
    return TELEMETRY;
  }
}
