package io.lumen.instrumentation.servlet.v3_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.instrumentation.servlet.v3_0.ServletNamespace;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces {@code javax.servlet} containers (Servlet 3.0 to 4.x: Tomcat 7 to 9, Jetty 9, and any
 * other) through every filter and servlet they run. Enabled by {@code
 * otel.instrumentation.servlet-3.0.enabled}, or {@code otel.instrumentation.servlet.enabled} for
 * both Servlet modules. Relocated to {@code jakarta.servlet}, it is the servlet-5.0 module
 * (Servlet 5.0 and later: Tomcat 10 and 11, Jetty 11 and 12), named {@code servlet-5.0}.
 */
public final class ServletInstrumentationModule extends InstrumentationModule {

  public ServletInstrumentationModule() {
    super(ServletNamespace.moduleName(), "servlet");
  }

  /**
   * {@code AsyncContext} is new in Servlet 3.0; relocated, the class names the jakarta one, which
   * every Servlet 5.0 and later has.
   */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("javax.servlet.AsyncContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new TomcatHostValveInstrumentation(),
        new ServletInstrumentation(),
        new FilterInstrumentation());
  }
}
