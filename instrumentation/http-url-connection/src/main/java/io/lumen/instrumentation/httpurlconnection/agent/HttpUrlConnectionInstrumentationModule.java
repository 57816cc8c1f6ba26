package io.lumen.instrumentation.httpurlconnection.agent;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Traces {@code java.net.HttpURLConnection} as the JDK implements it, for {@code http} and {@code
 * https} URLs. Enabled by {@code otel.instrumentation.http-url-connection.enabled}.
 *
 * <p>Agent only: the JDK offers no hook a library could use.
 */
public final class HttpUrlConnectionInstrumentationModule extends InstrumentationModule {

  public HttpUrlConnectionInstrumentationModule() {
    super("http-url-connection");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new HttpUrlConnectionInstrumentation());
  }

  /**
   * None: the instrumented classes are the JDK's, one copy for every class loader, so this module's
   * classes are shared from the agent class loader and reference nothing to check.
   */
  @Override
  public List<String> modulePackages() {
    return Collections.emptyList();
  }
}
