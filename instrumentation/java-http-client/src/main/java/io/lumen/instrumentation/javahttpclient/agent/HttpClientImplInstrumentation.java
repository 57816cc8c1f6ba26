package io.lumen.instrumentation.javahttpclient.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's one {@code HttpClient} implementation. Every client the JDK hands out ({@code
 * HttpClient.newHttpClient()}, {@code newBuilder().build()}) is a facade over it, and wrappers of
 * any kind end up here too, so advising it alone yields exactly one span per request.
 *
 * <p>{@code send} and the three-argument {@code sendAsync} are advised; the two-argument {@code
 * sendAsync} calls the latter, and both public entry points reach the network through a private
 * overload that is left alone.
 */
public final class HttpClientImplInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.javahttpclient.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("send")
            .and(isPublic())
            .and(takesArguments(2))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        PACKAGE + "SendAdvice");
    transformer.applyAdviceToMethod(
        named("sendAsync")
            .and(isPublic())
            .and(takesArguments(3))
            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
        PACKAGE + "SendAsyncAdvice");
  }
}
