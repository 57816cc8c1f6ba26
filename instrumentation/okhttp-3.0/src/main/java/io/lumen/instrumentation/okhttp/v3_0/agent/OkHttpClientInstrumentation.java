package io.lumen.instrumentation.okhttp.v3_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code OkHttpClient}: every client is constructed from a builder (the no-argument constructor
 * makes a default one), where the interceptor is added; and every call is created by {@code
 * newCall}, where the context the call belongs to is remembered.
 */
public final class OkHttpClientInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.okhttp.v3_0.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("okhttp3.OkHttpClient");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isConstructor()
            .and(takesArguments(1))
            .and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
        PACKAGE + "ClientConstructorAdvice");
    transformer.applyAdviceToMethod(
        named("newCall").and(takesArguments(1)).and(takesArgument(0, named("okhttp3.Request"))),
        PACKAGE + "NewCallAdvice");
  }
}
