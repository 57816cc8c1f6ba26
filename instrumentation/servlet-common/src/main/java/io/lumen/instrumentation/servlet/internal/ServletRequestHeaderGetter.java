package io.lumen.instrumentation.servlet.internal;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Reads propagation headers ({@code traceparent}, {@code baggage}, ...) from a servlet request.
 * Servlet containers look header names up case-insensitively, so the propagators' lowercase names
 * find headers however the client spelled them.
 */
final class ServletRequestHeaderGetter<REQUEST> implements TextMapGetter<REQUEST> {

  private final ServletAccessor<REQUEST, ?> accessor;

  ServletRequestHeaderGetter(ServletAccessor<REQUEST, ?> accessor) {
    this.accessor = accessor;
  }

  @Override
  public Iterable<String> keys(REQUEST request) {
    return accessor.getRequestHeaderNames(request);
  }

  @Override
  @Nullable
  public String get(@Nullable REQUEST request, String key) {
    if (request == null) {
      return null;
    }
    List<String> values = accessor.getRequestHeaders(request, key);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value, so that a request with several {@code baggage} headers keeps all entries. */
  @Override
  public Iterator<String> getAll(@Nullable REQUEST request, String key) {
    if (request == null) {
      return Collections.emptyIterator();
    }
    return accessor.getRequestHeaders(request, key).iterator();
  }
}
