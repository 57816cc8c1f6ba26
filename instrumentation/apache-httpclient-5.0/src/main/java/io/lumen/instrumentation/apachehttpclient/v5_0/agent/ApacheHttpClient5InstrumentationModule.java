package io.lumen.instrumentation.apachehttpclient.v5_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces Apache HttpClient 5, classic and async, by adding the library's exec chain handlers to
 * every client builder. Enabled by {@code otel.instrumentation.apache-httpclient.enabled} (or
 * {@code apache-httpclient-5.0}).
 */
public final class ApacheHttpClient5InstrumentationModule extends InstrumentationModule {

  public ApacheHttpClient5InstrumentationModule() {
    super("apache-httpclient-5.0", "apache-httpclient");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("org.apache.hc.client5.http.classic.ExecChainHandler");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ClientBuilderInstrumentation(
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder"),
        new ClientBuilderInstrumentation(
            "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder"));
  }
}
