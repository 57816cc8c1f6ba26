package io.lumen.instrumentation.spring.webmvc.v5_0;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import javax.servlet.http.HttpServletRequest;
import javax.annotation.Nullable;

/**
 * The route of a request as Spring Web MVC matched it: the pattern of the handler mapping that
 * selected the handler, such as {@code /users/{id}} for a {@code @GetMapping("/users/{id}")}.
 *
 * <p>The pattern is relative to the {@code DispatcherServlet}'s mapping; the route is the full
 * template, so the context path, and the servlet path of a path-prefix mapping ({@code /api/*}),
 * come first.
 */
public final class SpringWebMvcRoute {

  /** {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, named: no Spring class links. */
  static final String BEST_MATCHING_PATTERN_ATTRIBUTE =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private SpringWebMvcRoute() {}

  /**
   * Names the server span in {@code context} after the handler pattern of {@code request}, if one
   * matched. Controller routes win over the servlet mapping's.
   */
  public static void update(Context context, HttpServletRequest request) {
    String route = route(request);
    if (route != null) {
      HttpServerRoute.update(context, HttpServerRouteSource.CONTROLLER, route);
    }
  }

  @Nullable
  static String route(HttpServletRequest request) {
    // A String, or a PathPattern whose toString() is its pattern, depending on the Spring version
    // and its path matching strategy.
    Object pattern = request.getAttribute(BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null) {
      return null;
    }
    String handlerPattern = pattern.toString();
    String prefix = request.getContextPath();
    if (request.getPathInfo() != null) {
      // a path-prefix mapping such as /api/*: Spring matched the rest of the path
      prefix += request.getServletPath();
    }
    if (handlerPattern.isEmpty()) {
      return prefix.isEmpty() ? "/" : prefix;
    }
    return prefix + (handlerPattern.startsWith("/") ? "" : "/") + handlerPattern;
  }
}
