package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import io.lumen.instrumentation.httpclient.common.HttpClientAgentConfig;
import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import org.apache.http.HttpResponse;

/** The agent's instrumenter for HttpClient 4, built once per application class loader. */
public final class ApacheHttpClient4Singletons {

  static final String INSTRUMENTATION_NAME = "io.lumen.apache-httpclient-4.0";

  /**
   * Sets the trace headers on the application's request. Redirects copy its headers, so the
   * redirected requests carry them too.
   */
  private static final TextMapSetter<ApacheHttpClient4Request> SETTER =
      (request, name, value) -> {
        if (request != null) {
          request.request().setHeader(name, value);
        }
      };

  private static final Instrumenter<ApacheHttpClient4Request, HttpResponse> INSTRUMENTER =
      HttpClientAgentConfig.get()
          .applyTo(
              HttpClientInstrumenterBuilder.create(
                  GlobalOpenTelemetry.get(),
                  INSTRUMENTATION_NAME,
                  ApacheHttpClient4AttributesGetter.INSTANCE))
          .build(SETTER);

  private ApacheHttpClient4Singletons() {}

  static Instrumenter<ApacheHttpClient4Request, HttpResponse> instrumenter() {
    return INSTRUMENTER;
  }
}
