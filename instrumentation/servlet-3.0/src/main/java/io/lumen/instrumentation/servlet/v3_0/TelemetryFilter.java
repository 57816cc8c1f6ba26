package io.lumen.instrumentation.servlet.v3_0;

import io.lumen.instrumentation.servlet.internal.ServletDispatch;
import io.lumen.instrumentation.servlet.internal.ServletRequestTracer;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Wraps the rest of the filter chain, and the servlet, in the request's server span.
 *
 * <p>A failure of the telemetry itself is logged and swallowed: the request is served as if the
 * filter were not there. A failure of the application is recorded and rethrown unchanged.
 */
final class TelemetryFilter implements Filter {

  private static final Logger logger = Logger.getLogger(TelemetryFilter.class.getName());

  private final ServletRequestTracer<HttpServletRequest, HttpServletResponse> tracer;

  TelemetryFilter(ServletRequestTracer<HttpServletRequest, HttpServletResponse> tracer) {
    this.tracer = tracer;
  }

  @Override
  public void init(FilterConfig filterConfig) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ServletDispatch dispatch = enter(request, response);
    Throwable error = null;
    try {
      chain.doFilter(request, response);
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      exit(dispatch, error);
    }
  }

  @Nullable
  private ServletDispatch enter(ServletRequest request, ServletResponse response) {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      return null;
    }
    try {
      return tracer.enter((HttpServletRequest) request, (HttpServletResponse) response);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not start the server span; serving without it", e);
      return null;
    }
  }

  private void exit(@Nullable ServletDispatch dispatch, @Nullable Throwable error) {
    try {
      tracer.exit(dispatch, error);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not end the server span", e);
    }
  }

  @Override
  public void destroy() {}
}
