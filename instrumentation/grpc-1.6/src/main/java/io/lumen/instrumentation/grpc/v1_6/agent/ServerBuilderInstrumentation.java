package io.lumen.instrumentation.grpc.v1_6.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The server builder every transport's builder is or delegates to: {@code
 * AbstractServerImplBuilder} before gRPC 1.36, {@code ServerImplBuilder} since (in between, the
 * first forwards to the second, see {@link BuildNesting}).
 */
final class ServerBuilderInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "io.grpc.internal.AbstractServerImplBuilder", "io.grpc.internal.ServerImplBuilder");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("build").and(takesArguments(0)),
        "io.lumen.instrumentation.grpc.v1_6.agent.BuildServerAdvice");
  }
}
