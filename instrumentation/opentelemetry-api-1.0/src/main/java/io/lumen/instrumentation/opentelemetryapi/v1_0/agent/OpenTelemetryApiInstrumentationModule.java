package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Bridges the application's own OpenTelemetry API (1.0 and later) to the agent: its {@code
 * GlobalOpenTelemetry} is the agent's SDK and its current context is the agent's. Enabled by {@code
 * otel.instrumentation.opentelemetry-api.enabled}.
 *
 * <p>Type names are written {@code application.io.opentelemetry...}: the agent jar build relocates
 * them to the application's {@code io.opentelemetry...}, while every plain {@code io.opentelemetry}
 * name here is the agent's own, relocated API.
 */
public final class OpenTelemetryApiInstrumentationModule extends InstrumentationModule {

  /**
   * A class of the application's API from 1.10 on, and of no older release: not even of the
   * separate alpha metrics API that came before 1.10, which had no observable gauges.
   */
  public static final String API_1_10_MARKER =
      "application.io.opentelemetry.api.metrics.ObservableDoubleGauge";

  public OpenTelemetryApiInstrumentationModule() {
    super("opentelemetry-api", "opentelemetry-api-1.0");
  }

  /**
   * Only where the application's API is older than 1.10: newer APIs get the bridge of {@code
   * opentelemetry-api-1.10}, which includes this one. Exactly one of the two applies to a class
   * loader, so the application's API has one bridge, defined in one class loader.
   */
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return not(hasClassesNamed(API_1_10_MARKER));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new GlobalOpenTelemetryInstrumentation(), new ContextStorageWrappersInstrumentation());
  }
}
