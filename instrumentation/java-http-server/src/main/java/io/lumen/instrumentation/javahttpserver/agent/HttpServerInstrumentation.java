package io.lumen.instrumentation.javahttpserver.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperClass;
import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every concrete {@code HttpServer}: the JDK's own {@code HttpServerImpl} and {@code
 * HttpsServerImpl}, and other providers such as Jetty's {@code JettyHttpServer}.
 *
 * <p>No class-loader pre-check: {@code com.sun.net.httpserver} is a JDK package, visible from every
 * class loader.
 */
public final class HttpServerInstrumentation implements TypeInstrumentation {

  /** Named, not referenced: the advice class is loaded next to the server, never here. */
  private static final String ADVICE =
      "io.lumen.instrumentation.javahttpserver.agent.CreateContextAdvice";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperClass(named("com.sun.net.httpserver.HttpServer")).and(not(isAbstract()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(createContext(), ADVICE);
  }

  /**
   * Both {@code createContext} overloads. An override may narrow the return type; then the
   * override itself is advised, and not the bridge method the compiler adds (it calls the override,
   * which would apply the advice twice).
   */
  static ElementMatcher<MethodDescription> createContext() {
    return isMethod()
        .and(isPublic())
        .and(not(isStatic()))
        .and(not(isBridge()))
        .and(named("createContext"))
        .and(returns(hasSuperType(named("com.sun.net.httpserver.HttpContext"))));
  }
}
