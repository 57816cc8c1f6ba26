package io.lumen.instrumentation.opentelemetryapi.v1_10.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.instrumentation.opentelemetryapi.v1_0.agent.ContextStorageWrappersInstrumentation;
import io.lumen.instrumentation.opentelemetryapi.v1_0.agent.GlobalOpenTelemetryInstrumentation;
import io.lumen.instrumentation.opentelemetryapi.v1_0.agent.OpenTelemetryApiInstrumentationModule;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Bridges an application's own OpenTelemetry API of 1.10 or later: everything the bridge of API 1.0
 * does, plus meters and tracer builders. Where it applies, the module {@code opentelemetry-api}
 * does not. Enabled by {@code otel.instrumentation.opentelemetry-api.enabled} (or {@code
 * ...opentelemetry-api-1.10.enabled}).
 */
public final class OpenTelemetryApi110InstrumentationModule extends InstrumentationModule {

  public OpenTelemetryApi110InstrumentationModule() {
    super("opentelemetry-api-1.10", "opentelemetry-api");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed(OpenTelemetryApiInstrumentationModule.API_1_10_MARKER);
  }

  /**
   * The bridge of API 1.0 too: its context storage and span wrappers are defined in the same class
   * loader as the meters, so the application's API has exactly one bridge.
   */
  @Override
  public List<String> modulePackages() {
    return Arrays.asList(
        "io.lumen.instrumentation.opentelemetryapi.v1_0",
        "io.lumen.instrumentation.opentelemetryapi.v1_10");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new GlobalOpenTelemetryInstrumentation(
            "io.lumen.instrumentation.opentelemetryapi.v1_10.agent.GlobalGet110Advice"),
        new ContextStorageWrappersInstrumentation());
  }
}
