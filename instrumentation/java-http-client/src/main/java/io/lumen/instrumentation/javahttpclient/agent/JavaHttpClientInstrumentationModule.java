package io.lumen.instrumentation.javahttpclient.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Traces the JDK's {@code java.net.http.HttpClient} (Java 11+) through advice on its
 * implementation. Enabled by {@code otel.instrumentation.java-http-client.enabled}.
 *
 * <p>Compiled for Java 8, as is its type instrumentation, so that the agent loads it on any JDK; on
 * Java 8 there is nothing for it to match. The advice and the library part need Java 11 and are
 * only loaded where the JDK client exists.
 */
public final class JavaHttpClientInstrumentationModule extends InstrumentationModule {

  public JavaHttpClientInstrumentationModule() {
    super("java-http-client");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new HttpClientImplInstrumentation());
  }

  /**
   * None: the instrumented library is part of the JDK, so there is one copy of it for every class
   * loader, and this module's classes are shared from the agent class loader (whose parent is the
   * platform loader, which defines {@code java.net.http}). There is nothing to check references
   * against either.
   */
  @Override
  public List<String> modulePackages() {
    return Collections.emptyList();
  }
}
