package io.lumen.instrumentation.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How containers split a path into servlet path and path info for each kind of mapping (Servlet
 * specification, chapter 12), and the route each split yields.
 */
class ServletRouteResolverTest {

  private static final Set<String> PATTERNS =
      Set.of("/orders", "/users/*", "*.jsp", "/", "", "/api/v1/*");

  @Test
  void exactMappingIsItsOwnRoute() {
    assertThat(ServletRouteResolver.matchedPattern("/orders", null, PATTERNS)).isEqualTo("/orders");
  }

  @Test
  void pathPrefixMappingNamesTheWildcardNotTheRest() {
    assertThat(ServletRouteResolver.matchedPattern("/users", "/42", PATTERNS))
        .isEqualTo("/users/*");
    assertThat(ServletRouteResolver.matchedPattern("/api/v1", "/x/y", PATTERNS))
        .isEqualTo("/api/v1/*");
    // "/users/*" also matches "/users" itself, with no path info
    assertThat(ServletRouteResolver.matchedPattern("/users", null, PATTERNS))
        .isEqualTo("/users/*");
  }

  @Test
  void extensionMapping() {
    assertThat(ServletRouteResolver.matchedPattern("/pages/index.jsp", null, PATTERNS))
        .isEqualTo("/*.jsp");
  }

  @Test
  void defaultServletNamesTheCatchAllNeverTheRawPath() {
    assertThat(ServletRouteResolver.matchedPattern("/no/such/page", null, PATTERNS))
        .isEqualTo("/*");
    assertThat(ServletRouteResolver.matchedPattern("/favicon.ico", null, PATTERNS))
        .isEqualTo("/*");
  }

  @Test
  void rootPathPrefixMapping() {
    assertThat(ServletRouteResolver.matchedPattern("", "/anything/at/all", Set.of("/*")))
        .isEqualTo("/*");
  }

  @Test
  void contextRootMapping() {
    assertThat(ServletRouteResolver.matchedPattern("", "/", PATTERNS)).isEqualTo("/");
  }

  @Test
  void noRouteWhenNoPatternExplainsTheSplit() {
    assertThat(ServletRouteResolver.matchedPattern("/other", null, Set.of("/orders"))).isNull();
    assertThat(ServletRouteResolver.matchedPattern("/other", "/x", Set.of("/orders"))).isNull();
  }
}
