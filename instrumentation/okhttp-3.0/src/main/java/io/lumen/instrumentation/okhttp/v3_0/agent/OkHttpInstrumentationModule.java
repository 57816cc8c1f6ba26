package io.lumen.instrumentation.okhttp.v3_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Traces OkHttp 3.0 to 4.x by adding the library's interceptor to every {@code OkHttpClient}.
 * Enabled by {@code otel.instrumentation.okhttp.enabled} (or {@code okhttp-3.0}).
 */
public final class OkHttpInstrumentationModule extends InstrumentationModule {

  public OkHttpInstrumentationModule() {
    super("okhttp-3.0", "okhttp");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // okhttp3.Interceptor appeared in 3.0; OkHttp 2 has com.squareup.okhttp instead.
    return hasClassesNamed("okhttp3.Interceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new OkHttpClientInstrumentation());
  }
}
