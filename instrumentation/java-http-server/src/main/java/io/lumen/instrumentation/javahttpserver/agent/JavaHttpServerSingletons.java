package io.lumen.instrumentation.javahttpserver.agent;

import com.sun.net.httpserver.Filter;
import io.lumen.agent.extension.AgentConfig;
import io.lumen.instrumentation.javahttpserver.JavaHttpServerTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * The one filter the agent adds to every context, built once per module class loader from the
 * agent's SDK and configuration (which the agent sets before any application code runs).
 */
public final class JavaHttpServerSingletons {

  private static final Filter FILTER = createFilter();

  private JavaHttpServerSingletons() {}

  public static Filter filter() {
    return FILTER;
  }

  /**
   * Whether {@code filter} is this module's filter, from this class loader or any other: the
   * module's classes are defined once per application class loader, and an application that also
   * uses the library by hand has its own copy, so an {@code instanceof} test would miss them.
   */
  public static boolean isTelemetryFilter(Filter filter) {
    return filter != null && filter.getClass().getName().equals(FILTER.getClass().getName());
  }

  private static Filter createFilter() {
    ConfigProperties config = AgentConfig.get();
    return JavaHttpServerTelemetry.builder(GlobalOpenTelemetry.get())
        .setCapturedRequestHeaders(
            config.getList("otel.instrumentation.http.server.capture-request-headers"))
        .setCapturedResponseHeaders(
            config.getList("otel.instrumentation.http.server.capture-response-headers"))
        .build()
        .newFilter();
  }
}
