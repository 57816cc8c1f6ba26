package io.lumen.instrumentation.servlet.v3_0;

import io.lumen.instrumentation.servlet.internal.ServletRequestTracer;
import io.lumen.instrumentation.servlet.internal.ServletRequestTracerBuilder;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Collection;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Configures a {@link ServletTelemetry}. */
public final class ServletTelemetryBuilder {

  /**
   * The instrumentation scope of every span and metric this module records: {@code
   * io.lumen.servlet-3.0}, or {@code io.lumen.servlet-5.0} for {@code jakarta.servlet}.
   */
  public static final String INSTRUMENTATION_NAME = ServletNamespace.instrumentationName();

  private final ServletRequestTracerBuilder<HttpServletRequest, HttpServletResponse> delegate;

  ServletTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.delegate =
        ServletRequestTracer.builder(
            openTelemetry, INSTRUMENTATION_NAME, HttpServletAccessor.INSTANCE);
  }

  /**
   * Request headers to record as {@code http.request.header.<lowercase name>} span attributes.
   * Names match case-insensitively; {@code *} and {@code ?} are glob wildcards. None by default,
   * since headers often carry credentials and personal data.
   */
  public ServletTelemetryBuilder setCapturedRequestHeaders(Collection<String> headerNames) {
    delegate.setCapturedRequestHeaders(headerNames);
    return this;
  }

  /**
   * Response headers to record as {@code http.response.header.<lowercase name>} span attributes,
   * matched like {@link #setCapturedRequestHeaders(Collection)}. None by default.
   */
  public ServletTelemetryBuilder setCapturedResponseHeaders(Collection<String> headerNames) {
    delegate.setCapturedResponseHeaders(headerNames);
    return this;
  }

  /** Returns telemetry with these settings. */
  public ServletTelemetry build() {
    return new ServletTelemetry(delegate.build());
  }
}
