package io.lumen.instrumentation.apachehttpclient.v5_0;

import io.opentelemetry.api.OpenTelemetry;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Client spans and {@code http.client.request.duration} for Apache HttpClient 5, classic and async,
 * in library mode: build clients from {@link #newHttpClientBuilder()} / {@link
 * #newHttpAsyncClientBuilder()}, or {@link #addTo add} the telemetry to a builder of your own. With
 * the Lumen agent attached nothing needs to be done: the agent adds the same handlers to every
 * builder ({@code HttpClients.createDefault()}, {@code custom()}, {@code createSystem()} and their
 * async counterparts all build through one).
 *
 * <pre>{@code
 * CloseableHttpClient client =
 *     ApacheHttpClient5Telemetry.create(openTelemetry).newHttpClientBuilder().build();
 * }</pre>
 *
 * <p>Each {@code execute} is one CLIENT span named after the method, ended when the response head
 * is in or with the failure. Every request the client sends for it (redirects, retries and
 * authentication challenges included) carries the span's context in its headers, through the {@link
 * OpenTelemetry#getPropagators() propagators}, and the resends are counted in {@code
 * http.request.resend_count}. Clients that have no exec chain ({@code HttpClients.createMinimal()},
 * {@code MinimalHttpAsyncClient}) and the HTTP/2-only {@code H2AsyncClientBuilder} are not traced.
 */
public final class ApacheHttpClient5Telemetry {

  private final ExchangeSpans spans;

  ApacheHttpClient5Telemetry(ExchangeSpans spans) {
    this.spans = spans;
  }

  /** Returns telemetry with default settings, reporting to {@code openTelemetry}. */
  public static ApacheHttpClient5Telemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Returns a builder of telemetry reporting to {@code openTelemetry}. */
  public static ApacheHttpClient5TelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new ApacheHttpClient5TelemetryBuilder(openTelemetry);
  }

  /** A classic client builder with the telemetry added. */
  public HttpClientBuilder newHttpClientBuilder() {
    return addTo(HttpClientBuilder.create());
  }

  /** An async client builder with the telemetry added. */
  public HttpAsyncClientBuilder newHttpAsyncClientBuilder() {
    return addTo(HttpAsyncClientBuilder.create());
  }

  /** Adds the telemetry's handlers to {@code builder}; add them once per builder. */
  public HttpClientBuilder addTo(HttpClientBuilder builder) {
    // In that order: 5.0's addExecInterceptorFirst fails on a builder whose interceptor list
    // nothing has created yet, and addExecInterceptorAfter creates it.
    return builder
        .addExecInterceptorAfter(
            ChainElement.PROTOCOL.name(),
            spans.handlerName("request"),
            new RequestContextExecHandler(spans))
        .addExecInterceptorFirst(spans.handlerName("span"), new TelemetryExecHandler(spans));
  }

  /** Adds the telemetry's handlers to {@code builder}; add them once per builder. */
  public HttpAsyncClientBuilder addTo(HttpAsyncClientBuilder builder) {
    // In that order: 5.0's addExecInterceptorFirst fails on a builder whose interceptor list
    // nothing has created yet, and addExecInterceptorAfter creates it.
    return builder
        .addExecInterceptorAfter(
            ChainElement.PROTOCOL.name(),
            spans.handlerName("request"),
            new RequestContextAsyncExecHandler(spans))
        .addExecInterceptorFirst(spans.handlerName("span"), new TelemetryAsyncExecHandler(spans));
  }
}
