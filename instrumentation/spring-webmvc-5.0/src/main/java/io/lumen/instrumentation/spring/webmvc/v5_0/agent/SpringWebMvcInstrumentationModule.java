package io.lumen.instrumentation.spring.webmvc.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Names the Servlet instrumentation's server span after the handler pattern Spring Web MVC
 * matched, on Spring Framework 5 ({@code javax.servlet}). Enabled by {@code
 * otel.instrumentation.spring-webmvc-5.0.enabled}, or {@code
 * otel.instrumentation.spring-webmvc.enabled} for both Spring Web MVC modules. Relocated to {@code
 * jakarta.servlet}, it is the spring-webmvc-6.0 module, for Spring Framework 6, named {@code
 * spring-webmvc-6.0}.
 */
public final class SpringWebMvcInstrumentationModule extends InstrumentationModule {

  /** Rewritten to {@code jakarta.servlet} by the relocation, like every class name here. */
  private static final String SERVLET_REQUEST_CLASS = "javax.servlet.http.HttpServletRequest";

  public SpringWebMvcInstrumentationModule() {
    super(
        SERVLET_REQUEST_CLASS.startsWith("jakarta.") ? "spring-webmvc-6.0" : "spring-webmvc-5.0",
        "spring-webmvc");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.springframework.web.servlet.HandlerAdapter", SERVLET_REQUEST_CLASS);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new HandlerAdapterInstrumentation());
  }
}
