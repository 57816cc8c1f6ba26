package io.lumen.instrumentation.httpclient.common;

import java.util.Collection;

/**
 * The settings every HTTP client telemetry builder offers, named alike in every library so that the
 * agent applies its configuration to each the same way ({@link HttpClientAgentConfig#applyTo}).
 *
 * @param <B> the builder itself, for chaining
 */
public interface HttpClientTelemetrySettings<B extends HttpClientTelemetrySettings<B>> {

  /**
   * Request headers to record as {@code http.request.header.<lowercase name>} string arrays. Names
   * match case-insensitively; {@code *} and {@code ?} are glob wildcards. None by default: headers
   * carry credentials and personal data.
   */
  B setCapturedRequestHeaders(Collection<String> headerNames);

  /**
   * Response headers to record as {@code http.response.header.<lowercase name>}; none by default.
   */
  B setCapturedResponseHeaders(Collection<String> headerNames);

  /**
   * The HTTP methods reported as themselves; any other becomes {@code _OTHER} (span name {@code
   * HTTP}). By default the methods of RFC 9110 and PATCH; an empty collection keeps the default.
   */
  B setKnownMethods(Collection<String> knownMethods);

  /**
   * Query parameters whose values {@code url.full} redacts, on top of {@link
   * SensitiveQueryParameters#DEFAULTS}.
   */
  B addSensitiveQueryParameters(Collection<String> names);
}
