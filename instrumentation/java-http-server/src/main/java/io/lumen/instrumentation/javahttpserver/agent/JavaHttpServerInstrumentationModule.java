package io.lumen.instrumentation.javahttpserver.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Traces the JDK's built-in HTTP server ({@code com.sun.net.httpserver}) by adding the library's
 * filter to every context a server creates. Enabled by {@code
 * otel.instrumentation.java-http-server.enabled}.
 */
public final class JavaHttpServerInstrumentationModule extends InstrumentationModule {

  public JavaHttpServerInstrumentationModule() {
    super("java-http-server");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new HttpServerInstrumentation());
  }

  /**
   * The library package too, not only this agent package: advice, singletons and the filter they
   * build are then defined together, next to the server classes, as the library would be in an
   * application using it by hand.
   */
  @Override
  public List<String> modulePackages() {
    return Collections.singletonList("io.lumen.instrumentation.javahttpserver");
  }
}
