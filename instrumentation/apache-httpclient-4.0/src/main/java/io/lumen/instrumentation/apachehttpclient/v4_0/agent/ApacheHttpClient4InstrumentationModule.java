package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces Apache HttpClient 4.0 to 4.5 through advice on every client's execute method. Enabled by
 * {@code otel.instrumentation.apache-httpclient.enabled} (or {@code apache-httpclient-4.0}).
 *
 * <p>Agent only. HttpClient 4.0 to 4.2 have no hook a library could use; 4.3's builder does, but
 * this module covers the whole 4.x line the one way.
 */
public final class ApacheHttpClient4InstrumentationModule extends InstrumentationModule {

  public ApacheHttpClient4InstrumentationModule() {
    super("apache-httpclient-4.0", "apache-httpclient");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.apache.http.client.HttpClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new HttpClientInstrumentation(), new HttpRequestExecutorInstrumentation());
  }
}
