package io.lumen.instrumentation.servlet.v3_0.agent;

import io.lumen.agent.extension.AgentConfig;
import io.lumen.instrumentation.servlet.internal.ServletRequestTracer;
import io.lumen.instrumentation.servlet.v3_0.HttpServletAccessor;
import io.lumen.instrumentation.servlet.v3_0.ServletTelemetryBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The tracer the advice uses, built once per module class loader (so once per application class
 * loader that runs servlets) from the agent's SDK and configuration.
 */
public final class ServletSingletons {

  private static final ServletRequestTracer<HttpServletRequest, HttpServletResponse> TRACER =
      createTracer();

  private ServletSingletons() {}

  public static ServletRequestTracer<HttpServletRequest, HttpServletResponse> tracer() {
    return TRACER;
  }

  private static ServletRequestTracer<HttpServletRequest, HttpServletResponse> createTracer() {
    ConfigProperties config = AgentConfig.get();
    return ServletRequestTracer.builder(
            GlobalOpenTelemetry.get(),
            ServletTelemetryBuilder.INSTRUMENTATION_NAME,
            HttpServletAccessor.INSTANCE)
        .setCapturedRequestHeaders(
            config.getList("otel.instrumentation.http.server.capture-request-headers"))
        .setCapturedResponseHeaders(
            config.getList("otel.instrumentation.http.server.capture-response-headers"))
        .build();
  }
}
