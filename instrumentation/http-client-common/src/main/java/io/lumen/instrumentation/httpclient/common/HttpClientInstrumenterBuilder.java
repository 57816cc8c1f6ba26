package io.lumen.instrumentation.httpclient.common;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.InstrumenterBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.opentelemetry.instrumentation.api.internal.Experimental;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractorBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractorBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the {@link Instrumenter} of one HTTP client library the same way for every library, so
 * that their spans and metrics can be compared and queried alike:
 *
 * <ul>
 *   <li>span name {@code {method}} ({@code HTTP} for a method outside the known ones, whose {@code
 *       http.request.method} is then {@code _OTHER}, with the original in {@code
 *       http.request.method_original}); kind CLIENT;
 *   <li>status ERROR for a 4xx or 5xx response and for an exception, which is also recorded as an
 *       {@code exception} event; {@code error.type} the status code or the exception class;
 *   <li>the stable HTTP client attributes, {@code url.full} with user information and {@link
 *       SensitiveQueryParameters sensitive query values} redacted, opted-in request and response
 *       headers as {@code http.request.header.<name>} / {@code http.response.header.<name>} string
 *       arrays, and {@code http.request.resend_count} (see {@link HttpClientRequestAttempts});
 *   <li>the {@code http.client.request.duration} histogram, in seconds with the conventions' bucket
 *       boundaries, by method, status, error type, server address and port and protocol version
 *       only: never by URL;
 *   <li>nested client spans suppressed: a library called by another instrumented library (or by
 *       itself, through a wrapper) yields one span, the outermost.
 * </ul>
 *
 * <p>Not for applications: each library's {@code XxxTelemetryBuilder} is the public face.
 */
public final class HttpClientInstrumenterBuilder<REQUEST, RESPONSE>
    implements HttpClientTelemetrySettings<HttpClientInstrumenterBuilder<REQUEST, RESPONSE>> {

  private final OpenTelemetry openTelemetry;
  private final String instrumentationName;
  private final HttpClientAttributesGetter<REQUEST, RESPONSE> getter;
  private final List<AttributesExtractor<? super REQUEST, ? super RESPONSE>> extractors =
      new ArrayList<>();
  private List<String> capturedRequestHeaders = Collections.emptyList();
  private List<String> capturedResponseHeaders = Collections.emptyList();
  private Set<String> knownMethods;
  private final List<String> additionalSensitiveQueryParameters = new ArrayList<>();

  private HttpClientInstrumenterBuilder(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      HttpClientAttributesGetter<REQUEST, RESPONSE> getter) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    this.instrumentationName = Objects.requireNonNull(instrumentationName, "instrumentationName");
    this.getter = Objects.requireNonNull(getter, "getter");
  }

  /**
   * @param instrumentationName the instrumentation scope name, {@code io.lumen.<module name>}
   */
  public static <REQUEST, RESPONSE> HttpClientInstrumenterBuilder<REQUEST, RESPONSE> create(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      HttpClientAttributesGetter<REQUEST, RESPONSE> getter) {
    return new HttpClientInstrumenterBuilder<>(openTelemetry, instrumentationName, getter);
  }

  @Override
  public HttpClientInstrumenterBuilder<REQUEST, RESPONSE> setCapturedRequestHeaders(
      Collection<String> headerNames) {
    this.capturedRequestHeaders = new ArrayList<>(headerNames);
    return this;
  }

  @Override
  public HttpClientInstrumenterBuilder<REQUEST, RESPONSE> setCapturedResponseHeaders(
      Collection<String> headerNames) {
    this.capturedResponseHeaders = new ArrayList<>(headerNames);
    return this;
  }

  @Override
  public HttpClientInstrumenterBuilder<REQUEST, RESPONSE> setKnownMethods(
      Collection<String> knownMethods) {
    this.knownMethods = knownMethods.isEmpty() ? null : new HashSet<>(knownMethods);
    return this;
  }

  @Override
  public HttpClientInstrumenterBuilder<REQUEST, RESPONSE> addSensitiveQueryParameters(
      Collection<String> names) {
    additionalSensitiveQueryParameters.addAll(names);
    return this;
  }

  /** Adds a library-specific extractor, run after the standard ones. */
  public HttpClientInstrumenterBuilder<REQUEST, RESPONSE> addAttributesExtractor(
      AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor) {
    extractors.add(extractor);
    return this;
  }

  /**
   * An instrumenter that writes the span's context into each request it starts, through {@code
   * setter} and the {@link OpenTelemetry#getPropagators() propagators} (so {@code OTEL_PROPAGATORS}
   * decides the headers).
   */
  public Instrumenter<REQUEST, RESPONSE> build(TextMapSetter<REQUEST> setter) {
    return instrumenterBuilder().buildClientInstrumenter(setter);
  }

  /**
   * An instrumenter for libraries whose requests are immutable: the caller injects the context into
   * the copy of the request it sends, with the {@link OpenTelemetry#getPropagators() propagators}.
   */
  public Instrumenter<REQUEST, RESPONSE> buildWithoutPropagation() {
    return instrumenterBuilder().buildInstrumenter(SpanKindExtractor.alwaysClient());
  }

  private InstrumenterBuilder<REQUEST, RESPONSE> instrumenterBuilder() {
    HttpClientAttributesExtractorBuilder<REQUEST, RESPONSE> attributes =
        HttpClientAttributesExtractor.builder(getter)
            .setRequestHeaders(headerSelector(capturedRequestHeaders))
            .setResponseHeaders(headerSelector(capturedResponseHeaders));
    HttpSpanNameExtractorBuilder<REQUEST> spanName = HttpSpanNameExtractor.builder(getter);
    if (knownMethods != null) {
      attributes.setKnownMethods(knownMethods);
      spanName.setKnownMethods(knownMethods);
    }
    // The only hook instrumentation-api 2.31 has for the redacted names; it matches with
    // Set.contains, so our case-insensitive set makes the match case-insensitive too.
    Experimental.setSensitiveQueryParameters(
        attributes, SensitiveQueryParameters.defaultsAnd(additionalSensitiveQueryParameters));

    InstrumenterBuilder<REQUEST, RESPONSE> builder =
        Instrumenter.<REQUEST, RESPONSE>builder(
                openTelemetry, instrumentationName, spanName.build())
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
            .addAttributesExtractor(attributes.build())
            .addAttributesExtractor(ResendCountExtractor.INSTANCE)
            .addContextCustomizer(ResendCountExtractor.INSTANCE)
            .addOperationMetrics(HttpClientMetrics.get());
    builder.addAttributesExtractors(extractors);
    return builder;
  }

  private static IncludeExclude headerSelector(List<String> headerNames) {
    // An empty selector captures nothing, the same as no selector at all.
    return IncludeExclude.builder().setIncluded(headerNames).build();
  }
}
