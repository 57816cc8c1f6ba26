package io.lumen.instrumentation.apachehttpclient.v5_0.agent;

import io.lumen.instrumentation.apachehttpclient.v5_0.ApacheHttpClient5Telemetry;
import io.lumen.instrumentation.httpclient.common.HttpClientAgentConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The agent's telemetry, built once per application class loader, and which builders already have
 * its handlers: {@code build()} may be called on one builder many times.
 */
public final class ApacheHttpClient5Singletons {

  private static final ApacheHttpClient5Telemetry TELEMETRY =
      HttpClientAgentConfig.get()
          .applyTo(ApacheHttpClient5Telemetry.builder(GlobalOpenTelemetry.get()))
          .build();

  private static final VirtualField<HttpClientBuilder, Boolean> CLASSIC_INSTRUMENTED =
      VirtualField.find(HttpClientBuilder.class, Boolean.class);
  private static final VirtualField<HttpAsyncClientBuilder, Boolean> ASYNC_INSTRUMENTED =
      VirtualField.find(HttpAsyncClientBuilder.class, Boolean.class);

  private ApacheHttpClient5Singletons() {}

  public static void addOnce(HttpClientBuilder builder) {
    synchronized (builder) {
      if (CLASSIC_INSTRUMENTED.get(builder) == null) {
        CLASSIC_INSTRUMENTED.set(builder, Boolean.TRUE);
        TELEMETRY.addTo(builder);
      }
    }
  }

  public static void addOnce(HttpAsyncClientBuilder builder) {
    synchronized (builder) {
      if (ASYNC_INSTRUMENTED.get(builder) == null) {
        ASYNC_INSTRUMENTED.set(builder, Boolean.TRUE);
        TELEMETRY.addTo(builder);
      }
    }
  }
}
