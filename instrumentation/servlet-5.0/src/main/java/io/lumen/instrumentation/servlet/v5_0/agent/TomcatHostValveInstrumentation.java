package io.lumen.instrumentation.servlet.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Tomcat's {@code StandardHostValve#invoke(Request, Response)}, where a request enters the web
 * application before any filter or servlet: Tomcat's {@code Request} and {@code Response} are the
 * servlet request and response themselves, so the same advice applies.
 *
 * <p>Starting the span here rather than in the first filter covers what no filter or servlet sees:
 * a path no servlet is mapped to (a context without a default servlet answers 404 on its own), and
 * the error page Tomcat renders after the servlet failed. The filters and servlets inside then
 * find the span already there.
 */
public final class TomcatHostValveInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed("org.apache.catalina.core.StandardHostValve");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.catalina.core.StandardHostValve");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("invoke")
            .and(takesArguments(2))
            .and(takesArgument(0, named("org.apache.catalina.connector.Request")))
            .and(takesArgument(1, named("org.apache.catalina.connector.Response"))),
        "io.lumen.instrumentation.servlet.v5_0.agent.ServletEntryAdvice");
  }
}
