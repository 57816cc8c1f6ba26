package io.lumen.instrumentation.servlet.v3_0;

import io.lumen.instrumentation.servlet.internal.ServletAccessor;
import io.lumen.instrumentation.servlet.internal.TracedRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.ServletRegistration;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The shared servlet code's view of {@code javax.servlet} requests and responses, using Servlet 3.0
 * methods only: relocated to {@code jakarta.servlet} for servlet-5.0, they must be there in every
 * Servlet 5.0 and later too, and none of them was removed in 6.0 or 6.1. Public for the agent part
 * of this module; not for applications.
 */
public enum HttpServletAccessor
    implements ServletAccessor<HttpServletRequest, HttpServletResponse> {
  INSTANCE;

  @Override
  public String getRequestMethod(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String getRequestScheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String getRequestUri(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  @Nullable
  public String getRequestQueryString(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  @Nullable
  public String getRequestProtocol(HttpServletRequest request) {
    return request.getProtocol();
  }

  @Override
  public String getContextPath(HttpServletRequest request) {
    return request.getContextPath();
  }

  @Override
  public String getServletPath(HttpServletRequest request) {
    return request.getServletPath();
  }

  @Override
  @Nullable
  public String getPathInfo(HttpServletRequest request) {
    return request.getPathInfo();
  }

  @Override
  public Object getServletContext(HttpServletRequest request) {
    return request.getServletContext();
  }

  /** Empty if the container will not list them (some refuse outside of initialization). */
  @Override
  public Collection<String> getServletMappings(HttpServletRequest request) {
    try {
      ServletContext servletContext = request.getServletContext();
      List<String> patterns = new ArrayList<>();
      for (ServletRegistration registration :
          servletContext.getServletRegistrations().values()) {
        patterns.addAll(registration.getMappings());
      }
      return patterns;
    } catch (RuntimeException notListable) {
      return Collections.emptyList();
    }
  }

  @Override
  public List<String> getRequestHeaders(HttpServletRequest request, String name) {
    return ServletAccessor.listOf(request.getHeaders(name));
  }

  @Override
  public Iterable<String> getRequestHeaderNames(HttpServletRequest request) {
    return ServletAccessor.listOf(request.getHeaderNames());
  }

  @Override
  @Nullable
  public String getRemoteAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public int getRemotePort(HttpServletRequest request) {
    return request.getRemotePort();
  }

  @Override
  @Nullable
  public String getLocalAddress(HttpServletRequest request) {
    return request.getLocalAddr();
  }

  @Override
  public int getLocalPort(HttpServletRequest request) {
    return request.getLocalPort();
  }

  @Override
  @Nullable
  public Object getAttribute(HttpServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(HttpServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public boolean isAsyncStarted(HttpServletRequest request) {
    return request.isAsyncStarted();
  }

  @Override
  public boolean addAsyncListener(
      HttpServletRequest request,
      HttpServletResponse response,
      TracedRequest<?, ?> tracedRequest) {
    try {
      request
          .getAsyncContext()
          .addListener(new TracedRequestAsyncListener(tracedRequest), request, response);
      return true;
    } catch (IllegalStateException alreadyCompleted) {
      return false;
    }
  }

  @Override
  public int getResponseStatus(HttpServletResponse response) {
    return response.getStatus();
  }

  @Override
  public boolean isResponseCommitted(HttpServletResponse response) {
    return response.isCommitted();
  }

  @Override
  public List<String> getResponseHeaders(HttpServletResponse response, String name) {
    Collection<String> values = response.getHeaders(name);
    return values == null ? Collections.<String>emptyList() : new ArrayList<>(values);
  }

  @Override
  public Iterable<String> getResponseHeaderNames(HttpServletResponse response) {
    Collection<String> names = response.getHeaderNames();
    return names == null ? Collections.<String>emptyList() : names;
  }

  @Override
  @Nullable
  public Throwable getServletExceptionCause(Throwable error) {
    if (!(error instanceof ServletException)) {
      return null;
    }
    Throwable rootCause = ((ServletException) error).getRootCause();
    return rootCause != null ? rootCause : error.getCause();
  }
}
