package io.lumen.instrumentation.servlet.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.annotation.Nullable;

/**
 * The {@code http.route} of a request from the URL pattern of the servlet mapping that selected its
 * servlet, such as {@code /users/*} or {@code /orders}; never the raw path.
 *
 * <p>By the time a request reaches the first filter the container has already chosen the servlet,
 * and split the path into {@code servletPath} and {@code pathInfo} accordingly. Which of the
 * Servlet specification's four kinds of mapping produced that split can then be told from the web
 * application's registered patterns (a Servlet 3.0 API), so this works on every container, for
 * filters as well as servlets, without knowing which servlet will run:
 *
 * <ul>
 *   <li>exact ({@code /orders}): no path info, and the servlet path is itself a pattern;
 *   <li>path prefix ({@code /users/*}): the servlet path followed by {@code /*} is a pattern;
 *   <li>extension ({@code *.jsp}): no path info, and the extension's pattern is registered;
 *   <li>default ({@code /}): anything else; the route is then {@code /*}, which names the catch-all
 *       rather than the path it happened to catch.
 * </ul>
 *
 * <p>Routes are prefixed with the context path. A framework that knows better (Spring MVC's
 * handler pattern) replaces the route later through {@code HttpServerRoute}.
 */
final class ServletRouteResolver<REQUEST> {

  private static final String DEFAULT_SERVLET = "/";
  private static final String CONTEXT_ROOT = "";

  private final ServletAccessor<REQUEST, ?> accessor;

  /**
   * Patterns per web application. Mappings are fixed once the application has started, which is
   * before its first request; weak keys let an undeployed application go.
   */
  private final Map<Object, Set<String>> patternsByContext =
      Collections.synchronizedMap(new WeakHashMap<Object, Set<String>>());

  ServletRouteResolver(ServletAccessor<REQUEST, ?> accessor) {
    this.accessor = accessor;
  }

  @Nullable
  String route(REQUEST request) {
    Set<String> patterns = patterns(request);
    if (patterns.isEmpty()) {
      return null;
    }
    String pattern =
        matchedPattern(accessor.getServletPath(request), accessor.getPathInfo(request), patterns);
    if (pattern == null) {
      return null;
    }
    return accessor.getContextPath(request) + pattern;
  }

  /** The route-form pattern of the mapping that split the path this way, or null if none did. */
  @Nullable
  static String matchedPattern(
      @Nullable String servletPath, @Nullable String pathInfo, Set<String> patterns) {
    String path = servletPath == null ? "" : servletPath;
    if (pathInfo != null) {
      if (path.isEmpty() && "/".equals(pathInfo) && patterns.contains(CONTEXT_ROOT)) {
        return "/";
      }
      String prefix = path + "/*";
      return patterns.contains(prefix) ? prefix : null;
    }
    if (patterns.contains(path) && !path.isEmpty()) {
      return path;
    }
    if (patterns.contains(path + "/*")) {
      return path + "/*";
    }
    String extension = extensionPattern(path);
    if (extension != null && patterns.contains(extension)) {
      return "/" + extension;
    }
    if (patterns.contains(DEFAULT_SERVLET) || patterns.contains("/*")) {
      return "/*";
    }
    return null;
  }

  /** {@code *.jsp} for {@code /a/b.jsp}; null when the last segment has no extension. */
  @Nullable
  private static String extensionPattern(String path) {
    int lastSlash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= lastSlash || dot == path.length() - 1) {
      return null;
    }
    return "*" + path.substring(dot);
  }

  private Set<String> patterns(REQUEST request) {
    Object servletContext = accessor.getServletContext(request);
    Set<String> patterns = patternsByContext.get(servletContext);
    if (patterns == null) {
      Collection<String> mappings = accessor.getServletMappings(request);
      patterns = Collections.unmodifiableSet(new HashSet<>(mappings));
      patternsByContext.put(servletContext, patterns);
    }
    return patterns;
  }
}
