package io.lumen.instrumentation.spring.webmvc.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HandlerAdapter#handle(HttpServletRequest, HttpServletResponse, Object)}: by the time the
 * {@code DispatcherServlet} hands a request to an adapter, the handler mapping has matched it and
 * left the pattern in a request attribute. Every kind of handler passes here: annotated
 * controllers, {@code HttpRequestHandler}s such as static resources, plain {@code Controller}s.
 */
public final class HandlerAdapterInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("org.springframework.web.servlet.HandlerAdapter");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperType(named("org.springframework.web.servlet.HandlerAdapter"))
        .and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("handle")
            .and(isPublic())
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(0, named("javax.servlet.http.HttpServletRequest"))),
        "io.lumen.instrumentation.spring.webmvc.v5_0.agent.HandlerAdapterAdvice");
  }
}
