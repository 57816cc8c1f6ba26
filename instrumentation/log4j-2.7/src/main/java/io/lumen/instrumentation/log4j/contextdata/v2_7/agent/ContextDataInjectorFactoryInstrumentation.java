package io.lumen.instrumentation.log4j.contextdata.v2_7.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ContextDataInjectorFactory.createInjector()}: every place that fills an event's context
 * data (plain, reusable and async-logger events, context lookups and filters) asks it for its
 * injector.
 */
public final class ContextDataInjectorFactoryInstrumentation implements TypeInstrumentation {

  private static final String ADVICE =
      "io.lumen.instrumentation.log4j.contextdata.v2_7.agent.CreateInjectorAdvice";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.logging.log4j.core.impl.ContextDataInjectorFactory");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isMethod().and(isStatic()).and(named("createInjector")).and(takesArguments(0)), ADVICE);
  }
}
