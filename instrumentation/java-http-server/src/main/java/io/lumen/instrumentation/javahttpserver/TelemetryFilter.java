package io.lumen.instrumentation.javahttpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wraps the rest of a context's filter chain, and its handler, in a server span.
 *
 * <p>The span is current while the chain runs, so the handler and anything instrumented inside it
 * see it as their parent; the scope is closed before the span ends, so nothing of this exchange is
 * left on a server thread that goes on to serve another one. The response status is read after the
 * chain returns, when the handler has had its chance to send it.
 *
 * <p>A failure of the telemetry itself is logged and swallowed: the exchange is served as if the
 * filter were not there. A failure of the handler is recorded and rethrown unchanged.
 */
final class TelemetryFilter extends Filter {

  private static final Logger logger = Logger.getLogger(TelemetryFilter.class.getName());

  private final Instrumenter<HttpExchange, HttpExchange> instrumenter;

  TelemetryFilter(Instrumenter<HttpExchange, HttpExchange> instrumenter) {
    this.instrumenter = instrumenter;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Context context = start(exchange);
    if (context == null) {
      chain.doFilter(exchange);
      return;
    }
    Throwable error = null;
    try (Scope ignored = context.makeCurrent()) {
      chain.doFilter(exchange);
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      end(context, exchange, error);
    }
  }

  /** The span's context, or null when there is to be no span (suppressed, or telemetry broke). */
  private Context start(HttpExchange exchange) {
    try {
      Context parentContext = Context.current();
      if (!instrumenter.shouldStart(parentContext, exchange)) {
        return null;
      }
      return instrumenter.start(parentContext, exchange);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not start the server span; serving without it", e);
      return null;
    }
  }

  private void end(Context context, HttpExchange exchange, Throwable error) {
    try {
      instrumenter.end(context, exchange, exchange, error);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not end the server span", e);
    }
  }

  @Override
  public String description() {
    return "Lumen server telemetry (spans and http.server.request.duration)";
  }
}
