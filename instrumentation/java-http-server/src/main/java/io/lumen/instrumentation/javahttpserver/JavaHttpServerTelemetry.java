package io.lumen.instrumentation.javahttpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;

/**
 * Server spans and {@code http.server.request.duration} for the JDK's built-in HTTP server ({@code
 * com.sun.net.httpserver}), in library mode: the application adds the {@link #newFilter() filter}
 * to each {@link com.sun.net.httpserver.HttpContext} it wants traced. With the Lumen agent attached
 * nothing needs to be done by hand: the agent adds the same filter to every context it sees
 * created.
 *
 * <pre>{@code
 * JavaHttpServerTelemetry telemetry = JavaHttpServerTelemetry.create(openTelemetry);
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * HttpContext context = server.createContext("/", handler);
 * // first in the list, so that the application's own filters run inside the server span
 * context.getFilters().add(0, telemetry.newFilter());
 * server.start();
 * }</pre>
 *
 * <p>Incoming W3C {@code traceparent}, {@code tracestate} and {@code baggage} headers (or whatever
 * the {@link OpenTelemetry#getPropagators() configured propagators} read) become the span's parent
 * context, and that context is current while the handler runs.
 */
public final class JavaHttpServerTelemetry {

  private final Instrumenter<HttpExchange, HttpExchange> instrumenter;

  JavaHttpServerTelemetry(Instrumenter<HttpExchange, HttpExchange> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /** Returns telemetry with default settings, reporting to {@code openTelemetry}. */
  public static JavaHttpServerTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Returns a builder of telemetry reporting to {@code openTelemetry}. */
  public static JavaHttpServerTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new JavaHttpServerTelemetryBuilder(openTelemetry);
  }

  /**
   * Returns a filter that records one server span per exchange that passes through it. Filters are
   * stateless, so one may be shared by every context of every server.
   */
  public Filter newFilter() {
    return new TelemetryFilter(instrumenter);
  }
}
