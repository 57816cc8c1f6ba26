package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * httpcore's {@code HttpRequestExecutor}, which writes every request a client sends on a
 * connection: redirected, retried and re-authenticated ones included. Counting them gives the
 * span's resend count.
 */
public final class HttpRequestExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.http.protocol.HttpRequestExecutor");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("execute").and(takesArguments(3)),
        "io.lumen.instrumentation.apachehttpclient.v4_0.agent.RequestSentAdvice");
  }
}
