package io.lumen.instrumentation.httpclient.common;

import io.lumen.agent.extension.AgentConfig;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;

/**
 * The agent's settings for every HTTP client instrumentation, read from {@code otel.*} system
 * properties and {@code OTEL_*} environment variables:
 *
 * <ul>
 *   <li>{@code otel.instrumentation.http.client.capture-request-headers}: request headers to record
 *       as {@code http.request.header.<name>} span attributes (comma-separated; globs);
 *   <li>{@code otel.instrumentation.http.client.capture-response-headers}: the same for response
 *       headers;
 *   <li>{@code otel.instrumentation.http.known-methods}: the methods reported as themselves
 *       (default: the RFC 9110 methods and PATCH), shared with the server instrumentations;
 *   <li>{@code otel.instrumentation.http.client.sensitive-query-parameters}: query parameters whose
 *       values {@code url.full} redacts, on top of {@link SensitiveQueryParameters#DEFAULTS}.
 * </ul>
 *
 * <p>Only the agent part of a module uses this class: it needs the agent's configuration.
 */
public final class HttpClientAgentConfig {

  static final String CAPTURE_REQUEST_HEADERS =
      "otel.instrumentation.http.client.capture-request-headers";
  static final String CAPTURE_RESPONSE_HEADERS =
      "otel.instrumentation.http.client.capture-response-headers";
  static final String KNOWN_METHODS = "otel.instrumentation.http.known-methods";
  static final String SENSITIVE_QUERY_PARAMETERS =
      "otel.instrumentation.http.client.sensitive-query-parameters";

  private final ConfigProperties config;

  private HttpClientAgentConfig(ConfigProperties config) {
    this.config = config;
  }

  /** The settings the agent started with. */
  public static HttpClientAgentConfig get() {
    return new HttpClientAgentConfig(AgentConfig.get());
  }

  static HttpClientAgentConfig from(ConfigProperties config) {
    return new HttpClientAgentConfig(config);
  }

  public List<String> capturedRequestHeaders() {
    return config.getList(CAPTURE_REQUEST_HEADERS);
  }

  public List<String> capturedResponseHeaders() {
    return config.getList(CAPTURE_RESPONSE_HEADERS);
  }

  /** Empty when not configured: keep the default. */
  public List<String> knownMethods() {
    return config.getList(KNOWN_METHODS);
  }

  public List<String> sensitiveQueryParameters() {
    return config.getList(SENSITIVE_QUERY_PARAMETERS);
  }

  /** Applies every setting to {@code builder}, a library's telemetry builder. */
  public <B extends HttpClientTelemetrySettings<B>> B applyTo(B builder) {
    return builder
        .setCapturedRequestHeaders(capturedRequestHeaders())
        .setCapturedResponseHeaders(capturedResponseHeaders())
        .setKnownMethods(knownMethods())
        .addSensitiveQueryParameters(sensitiveQueryParameters());
  }
}
