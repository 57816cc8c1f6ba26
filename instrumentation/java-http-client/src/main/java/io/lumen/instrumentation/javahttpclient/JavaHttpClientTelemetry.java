package io.lumen.instrumentation.javahttpclient;

import io.lumen.instrumentation.javahttpclient.internal.HttpSendTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.http.HttpClient;

/**
 * Client spans and {@code http.client.request.duration} for the JDK's {@link HttpClient} (Java 11
 * and later), in library mode: wrap each client once, and use the wrapper everywhere the client was
 * used. With the Lumen agent attached nothing needs to be done: the agent instruments the JDK's
 * client itself (and a wrapped client still yields one span per request).
 *
 * <pre>{@code
 * HttpClient client =
 *     JavaHttpClientTelemetry.create(openTelemetry).newHttpClient(HttpClient.newHttpClient());
 * client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
 * }</pre>
 *
 * <p>Each {@code send} and {@code sendAsync} is one CLIENT span named after the method, ended when
 * the response (with its body, as the body handler reads it) or the failure is there. The span's
 * context is sent in the request's headers by the {@link OpenTelemetry#getPropagators()
 * propagators}; redirects and authentication retries the client follows are counted in {@code
 * http.request.resend_count}.
 */
public final class JavaHttpClientTelemetry {

  private final HttpSendTelemetry sendTelemetry;

  JavaHttpClientTelemetry(HttpSendTelemetry sendTelemetry) {
    this.sendTelemetry = sendTelemetry;
  }

  /** Returns telemetry with default settings, reporting to {@code openTelemetry}. */
  public static JavaHttpClientTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Returns a builder of telemetry reporting to {@code openTelemetry}. */
  public static JavaHttpClientTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new JavaHttpClientTelemetryBuilder(openTelemetry);
  }

  /**
   * Returns a client that sends through {@code client}, with a span per request. Settings, executor
   * and lifecycle ({@code shutdown}, {@code close} on Java 21+) are {@code client}'s.
   */
  public HttpClient newHttpClient(HttpClient client) {
    return new TelemetryHttpClient(client, sendTelemetry);
  }
}
