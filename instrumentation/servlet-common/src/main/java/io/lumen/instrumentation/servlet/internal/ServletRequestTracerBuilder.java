package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import io.opentelemetry.instrumentation.api.incubator.semconv.http.HttpServerExperimentalMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Configures a {@link ServletRequestTracer}. */
public final class ServletRequestTracerBuilder<REQUEST, RESPONSE> {

  private final OpenTelemetry openTelemetry;
  private final String instrumentationName;
  private final ServletAccessor<REQUEST, RESPONSE> accessor;
  private List<String> capturedRequestHeaders = Collections.emptyList();
  private List<String> capturedResponseHeaders = Collections.emptyList();

  ServletRequestTracerBuilder(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      ServletAccessor<REQUEST, RESPONSE> accessor) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    this.instrumentationName = Objects.requireNonNull(instrumentationName, "instrumentationName");
    this.accessor = Objects.requireNonNull(accessor, "accessor");
  }

  /**
   * Request headers to record as {@code http.request.header.<lowercase name>} span attributes.
   * Names match case-insensitively; {@code *} and {@code ?} are glob wildcards.
   */
  public ServletRequestTracerBuilder<REQUEST, RESPONSE> setCapturedRequestHeaders(
      Collection<String> headerNames) {
    this.capturedRequestHeaders = new ArrayList<>(headerNames);
    return this;
  }

  /** Response headers to record as {@code http.response.header.<lowercase name>} attributes. */
  public ServletRequestTracerBuilder<REQUEST, RESPONSE> setCapturedResponseHeaders(
      Collection<String> headerNames) {
    this.capturedResponseHeaders = new ArrayList<>(headerNames);
    return this;
  }

  public ServletRequestTracer<REQUEST, RESPONSE> build() {
    ServletHttpAttributesGetter<REQUEST, RESPONSE> getter =
        new ServletHttpAttributesGetter<>(accessor);
    Instrumenter<REQUEST, RESPONSE> instrumenter =
        Instrumenter.<REQUEST, RESPONSE>builder(
                openTelemetry, instrumentationName, HttpSpanNameExtractor.create(getter))
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
            .setErrorCauseExtractor(new ServletErrorCauseExtractor(accessor))
            .addAttributesExtractor(
                HttpServerAttributesExtractor.builder(getter)
                    .setRequestHeaders(headerSelector(capturedRequestHeaders))
                    .setResponseHeaders(headerSelector(capturedResponseHeaders))
                    .build())
            // The servlet mapping names the route at the start; a framework that routes further
            // (Spring MVC's handler pattern) replaces it through HttpServerRoute.update.
            .addContextCustomizer(HttpServerRoute.create(getter))
            .addOperationMetrics(HttpServerMetrics.get())
            // http.server.active_requests (and the body-size histograms, when sizes are known).
            .addOperationMetrics(HttpServerExperimentalMetrics.get())
            .buildServerInstrumenter(new ServletRequestHeaderGetter<>(accessor));
    return new ServletRequestTracer<>(instrumenter, accessor);
  }

  private static IncludeExclude headerSelector(List<String> headerNames) {
    // An empty selector captures nothing, the same as no selector at all.
    return IncludeExclude.builder().setIncluded(headerNames).build();
  }
}
