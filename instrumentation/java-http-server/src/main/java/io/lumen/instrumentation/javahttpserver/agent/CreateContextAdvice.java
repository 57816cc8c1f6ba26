package io.lumen.instrumentation.javahttpserver.agent;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Puts the telemetry filter at the head of every context an {@code HttpServer} creates, so that the
 * filters the application adds afterwards, and the handler, run inside the server span.
 */
public final class CreateContextAdvice {

  private CreateContextAdvice() {}

  /**
   * Skips a context that already has the filter: a server that delegates {@code createContext} to
   * another instrumented server would otherwise add it twice.
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void addTelemetryFilter(@Advice.Return HttpContext context) {
    if (context == null) { // createContext threw, e.g. for a path already taken
      return;
    }
    List<Filter> filters = context.getFilters();
    for (Filter filter : filters) {
      if (JavaHttpServerSingletons.isTelemetryFilter(filter)) {
        return;
      }
    }
    filters.add(0, JavaHttpServerSingletons.filter());
  }
}
