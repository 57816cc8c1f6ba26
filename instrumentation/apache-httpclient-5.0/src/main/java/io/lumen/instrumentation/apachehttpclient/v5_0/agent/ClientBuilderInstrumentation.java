package io.lumen.instrumentation.apachehttpclient.v5_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A client builder's {@code build()}: every classic or async client with an exec chain is built
 * there (subclasses such as the caching builders inherit it).
 */
final class ClientBuilderInstrumentation implements TypeInstrumentation {

  private final String builderClassName;

  ClientBuilderInstrumentation(String builderClassName) {
    this.builderClassName = builderClassName;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(builderClassName);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("build").and(isPublic()).and(takesArguments(0)),
        "io.lumen.instrumentation.apachehttpclient.v5_0.agent.BuildAdvice");
  }
}
