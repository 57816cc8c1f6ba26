package io.lumen.instrumentation.servlet.v3_0;

import io.lumen.instrumentation.servlet.internal.ServletRequestTracer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.EnumSet;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Server spans, {@code http.server.request.duration} and {@code http.server.active_requests} for
 * {@code javax.servlet} containers (Servlet 3.0 to 4.x; the same class in {@code
 * io.lumen.instrumentation.servlet.v5_0}, for {@code jakarta.servlet}, Servlet 5.0 and later), in
 * library mode: the application registers the {@link #newFilter() filter}. With the Lumen agent
 * attached nothing needs to be done by hand.
 *
 * <pre>{@code
 * // in a ServletContainerInitializer or ServletContextListener
 * ServletTelemetry.create(openTelemetry).addFilter(servletContext);
 * }</pre>
 *
 * <p>Each request gets one server span, whatever forwards, includes and asynchronous dispatches it
 * goes through; it ends when the response is complete, for asynchronous requests too. Incoming W3C
 * {@code traceparent}, {@code tracestate} and {@code baggage} headers (or whatever the {@link
 * OpenTelemetry#getPropagators() configured propagators} read) become its parent. The route is the
 * URL pattern of the servlet mapping, such as {@code /users/*}.
 */
public final class ServletTelemetry {

  /** The name under which {@link #addFilter} registers the filter. */
  public static final String FILTER_NAME = "lumenTelemetryFilter";

  private final ServletRequestTracer<HttpServletRequest, HttpServletResponse> tracer;

  ServletTelemetry(ServletRequestTracer<HttpServletRequest, HttpServletResponse> tracer) {
    this.tracer = tracer;
  }

  /** Returns telemetry with default settings, reporting to {@code openTelemetry}. */
  public static ServletTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Returns a builder of telemetry reporting to {@code openTelemetry}. */
  public static ServletTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new ServletTelemetryBuilder(openTelemetry);
  }

  /**
   * Returns a filter that records one server span per request. Map it to {@code /*} ahead of every
   * other filter, for all dispatcher types, with async support on (a chain with a filter that does
   * not support async cannot go asynchronous); {@link #addFilter} does exactly that.
   */
  public Filter newFilter() {
    return new TelemetryFilter(tracer);
  }

  /**
   * Registers {@link #newFilter() the filter} with {@code servletContext} for every request, ahead
   * of the filters declared in {@code web.xml}. Call it while the context initializes.
   */
  public FilterRegistration.Dynamic addFilter(ServletContext servletContext) {
    FilterRegistration.Dynamic registration = servletContext.addFilter(FILTER_NAME, newFilter());
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    return registration;
  }
}
