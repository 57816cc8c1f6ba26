package io.lumen.instrumentation.methods.agent;

import io.lumen.agent.extension.AgentConfig;
import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spans for the methods named in {@code otel.instrumentation.methods.include}, with no change to
 * the application's code:
 *
 * <pre>
 * otel.instrumentation.methods.include=com.acme.Service[foo,bar];com.acme.Other[baz]
 * </pre>
 *
 * <p>A class name also selects its subclasses, and an interface name its implementations. Enabled
 * by {@code otel.instrumentation.methods.enabled}.
 */
public final class MethodsInstrumentationModule extends InstrumentationModule {

  public MethodsInstrumentationModule() {
    super("methods");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    Map<String, Set<String>> methodsByClass =
        MethodsConfiguration.parse(AgentConfig.get().getString("otel.instrumentation.methods.include"));
    List<TypeInstrumentation> instrumentations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : methodsByClass.entrySet()) {
      instrumentations.add(new MethodInstrumentation(entry.getKey(), entry.getValue()));
    }
    return instrumentations;
  }

  /**
   * Only the advice and its singletons are defined next to the application: {@link
   * io.lumen.instrumentation.methods.MethodSpans} references nothing of it and is shared.
   */
  @Override
  public List<String> modulePackages() {
    return Collections.singletonList("io.lumen.instrumentation.methods.agent");
  }
}
