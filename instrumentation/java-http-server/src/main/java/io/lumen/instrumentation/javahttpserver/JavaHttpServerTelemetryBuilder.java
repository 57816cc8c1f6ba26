package io.lumen.instrumentation.javahttpserver;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Configures a {@link JavaHttpServerTelemetry}. */
public final class JavaHttpServerTelemetryBuilder {

  /** The instrumentation scope of every span and metric this module records. */
  static final String INSTRUMENTATION_NAME = "io.lumen.java-http-server";

  private final OpenTelemetry openTelemetry;
  private List<String> capturedRequestHeaders = Collections.emptyList();
  private List<String> capturedResponseHeaders = Collections.emptyList();

  JavaHttpServerTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
  }

  /**
   * Request headers to record as {@code http.request.header.<lowercase name>} span attributes.
   * Names match case-insensitively; {@code *} and {@code ?} are glob wildcards. None by default,
   * since headers often carry credentials and personal data.
   */
  public JavaHttpServerTelemetryBuilder setCapturedRequestHeaders(Collection<String> headerNames) {
    this.capturedRequestHeaders = new ArrayList<>(headerNames);
    return this;
  }

  /**
   * Response headers to record as {@code http.response.header.<lowercase name>} span attributes,
   * matched like {@link #setCapturedRequestHeaders(Collection)}. None by default.
   */
  public JavaHttpServerTelemetryBuilder setCapturedResponseHeaders(Collection<String> headerNames) {
    this.capturedResponseHeaders = new ArrayList<>(headerNames);
    return this;
  }

  /** Returns telemetry with these settings; the builder may be reused. */
  public JavaHttpServerTelemetry build() {
    HttpServerAttributesGetter<HttpExchange, HttpExchange> getter =
        JavaHttpServerAttributesGetter.INSTANCE;
    Instrumenter<HttpExchange, HttpExchange> instrumenter =
        Instrumenter.<HttpExchange, HttpExchange>builder(
                openTelemetry, INSTRUMENTATION_NAME, HttpSpanNameExtractor.create(getter))
            .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
            .addAttributesExtractor(
                HttpServerAttributesExtractor.builder(getter)
                    .setRequestHeaders(headerSelector(capturedRequestHeaders))
                    .setResponseHeaders(headerSelector(capturedResponseHeaders))
                    .build())
            // The JDK server has no routes of its own, but a framework running on top of it can
            // still name the route (and so the span) through HttpServerRoute.update.
            .addContextCustomizer(HttpServerRoute.create(getter))
            .addOperationMetrics(HttpServerMetrics.get())
            .buildServerInstrumenter(HttpExchangeHeaderGetter.INSTANCE);
    return new JavaHttpServerTelemetry(instrumenter);
  }

  private static IncludeExclude headerSelector(List<String> headerNames) {
    // An empty selector captures nothing, the same as no selector at all.
    return IncludeExclude.builder().setIncluded(headerNames).build();
  }
}
