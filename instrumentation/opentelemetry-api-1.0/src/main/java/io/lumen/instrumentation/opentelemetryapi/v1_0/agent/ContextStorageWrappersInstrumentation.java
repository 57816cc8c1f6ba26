package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The list of storage wrappers the application's API applies, once, when it creates its context
 * storage ({@code ContextStorageWrappers.getWrappers()}, present from API 1.0 on). Putting the
 * agent's storage first in that list, rather than registering a {@code ContextStorageProvider},
 * depends on no system property and cannot be overridden by the application's own provider.
 */
public final class ContextStorageWrappersInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("application.io.opentelemetry.context.ContextStorageWrappers");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isStatic().and(named("getWrappers")).and(takesArguments(0)),
        "io.lumen.instrumentation.opentelemetryapi.v1_0.agent.AddAgentContextStorageAdvice");
  }
}
