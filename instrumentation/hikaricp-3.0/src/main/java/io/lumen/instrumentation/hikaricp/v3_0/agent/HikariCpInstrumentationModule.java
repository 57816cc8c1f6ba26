package io.lumen.instrumentation.hikaricp.v3_0.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Connection-pool metrics for every HikariCP 3.0+ pool. Enabled by {@code
 * otel.instrumentation.hikaricp.enabled}.
 */
public final class HikariCpInstrumentationModule extends InstrumentationModule {

  public HikariCpInstrumentationModule() {
    super("hikaricp", "hikaricp-3.0");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // IMetricsTracker became an interface with default methods in 3.0.
    return hasClassesNamed("com.zaxxer.hikari.metrics.IMetricsTracker");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new HikariPoolInstrumentation());
  }
}
