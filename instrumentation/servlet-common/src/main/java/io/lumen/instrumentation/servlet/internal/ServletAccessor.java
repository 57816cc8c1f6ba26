package io.lumen.instrumentation.servlet.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.annotation.Nullable;

/**
 * What the shared servlet code reads from and does to a request and its response. The {@code
 * javax.servlet} and {@code jakarta.servlet} APIs are the same interfaces in two packages; each
 * version module implements this once, in a few lines per method, and everything else is shared.
 *
 * <p>Only Servlet 3.0 methods may be used by implementations: that is the oldest API the modules
 * support, and the agent skips a module whose references a container lacks.
 */
public interface ServletAccessor<REQUEST, RESPONSE> {

  String getRequestMethod(REQUEST request);

  String getRequestScheme(REQUEST request);

  /** The path as sent, including the context path, still percent-encoded. */
  String getRequestUri(REQUEST request);

  @Nullable
  String getRequestQueryString(REQUEST request);

  /** Such as {@code HTTP/1.1}. */
  @Nullable
  String getRequestProtocol(REQUEST request);

  String getContextPath(REQUEST request);

  String getServletPath(REQUEST request);

  @Nullable
  String getPathInfo(REQUEST request);

  /**
   * The identity of the request's web application, the key under which its servlet mappings are
   * cached.
   */
  Object getServletContext(REQUEST request);

  /** Every URL pattern that any servlet of the request's web application is mapped to. */
  Collection<String> getServletMappings(REQUEST request);

  List<String> getRequestHeaders(REQUEST request, String name);

  Iterable<String> getRequestHeaderNames(REQUEST request);

  @Nullable
  String getRemoteAddress(REQUEST request);

  int getRemotePort(REQUEST request);

  @Nullable
  String getLocalAddress(REQUEST request);

  int getLocalPort(REQUEST request);

  @Nullable
  Object getAttribute(REQUEST request, String name);

  void setAttribute(REQUEST request, String name, Object value);

  boolean isAsyncStarted(REQUEST request);

  /**
   * Has {@code tracedRequest} told when the request's current asynchronous cycle ends (and has it
   * follow any cycle started after it). Returns false if the request no longer takes listeners.
   */
  boolean addAsyncListener(REQUEST request, RESPONSE response, TracedRequest<?, ?> tracedRequest);

  int getResponseStatus(RESPONSE response);

  boolean isResponseCommitted(RESPONSE response);

  List<String> getResponseHeaders(RESPONSE response, String name);

  Iterable<String> getResponseHeaderNames(RESPONSE response);

  /**
   * The exception a {@code ServletException} wraps, or null if {@code error} is not one or wraps
   * nothing. Frameworks wrap what an application threw (Spring's {@code NestedServletException}),
   * and the wrapper's type says nothing about what failed.
   */
  @Nullable
  Throwable getServletExceptionCause(Throwable error);

  /**
   * The values of a servlet enumeration as a list, without a list to copy into for the usual zero
   * or one value: the HTTP conventions ask for several headers on every request.
   */
  static List<String> listOf(@Nullable Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return Collections.emptyList();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return Collections.singletonList(first);
    }
    List<String> all = new ArrayList<>(4);
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }
}
