package io.lumen.instrumentation.servlet.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces {@code jakarta.servlet} containers (Servlet 5.0 and later: Tomcat 10 and 11, Jetty 11
 * and 12, and any other) through every filter and servlet they run. Enabled by {@code
 * otel.instrumentation.servlet-5.0.enabled}, or {@code otel.instrumentation.servlet.enabled} for
 * both Servlet modules.
 */
public final class Servlet5InstrumentationModule extends InstrumentationModule {

  public Servlet5InstrumentationModule() {
    super("servlet-5.0", "servlet");
  }

  /** {@code jakarta.servlet} is Servlet 5.0 and later; the javax module covers 3.0 to 4.x. */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("jakarta.servlet.AsyncContext");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new TomcatHostValveInstrumentation(),
        new ServletInstrumentation(),
        new FilterInstrumentation());
  }
}
