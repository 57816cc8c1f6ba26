package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.instrumentation.api.instrumenter.ErrorCauseExtractor;

/**
 * Records what the application threw rather than the {@code ServletException} a framework wrapped
 * it in, after the usual unwrapping of reflection and executor wrappers.
 */
final class ServletErrorCauseExtractor implements ErrorCauseExtractor {

  private final ServletAccessor<?, ?> accessor;

  ServletErrorCauseExtractor(ServletAccessor<?, ?> accessor) {
    this.accessor = accessor;
  }

  @Override
  public Throwable extract(Throwable error) {
    Throwable current = ErrorCauseExtractor.getDefault().extract(error);
    // Bounded: a cause chain may loop back on itself.
    for (int depth = 0; depth < 16; depth++) {
      Throwable cause = accessor.getServletExceptionCause(current);
      if (cause == null || cause == current) {
        break;
      }
      current = ErrorCauseExtractor.getDefault().extract(cause);
    }
    return current;
  }
}
