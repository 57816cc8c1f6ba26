package io.lumen.instrumentation.httpurlconnection.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's {@code sun.net.www.protocol.http.HttpURLConnection}. An {@code https} connection
 * delegates to a subclass of it, so both schemes go through the advised methods.
 *
 * <ul>
 *   <li>{@code connect()} and {@code getOutputStream()} start the span (a failure there ends it);
 *   <li>{@code getInputStream()}, which {@code getResponseCode()}, {@code getHeaderField(..)} and
 *       friends call, starts it if needed and ends it with the response;
 *   <li>{@code followRedirect()} counts the redirects the JDK follows inside {@code
 *       getInputStream()}.
 * </ul>
 */
public final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.httpurlconnection.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isPublic().and(takesArguments(0)).and(named("connect").or(named("getOutputStream"))),
        PACKAGE + "ConnectAdvice");
    transformer.applyAdviceToMethod(
        isPublic().and(takesArguments(0)).and(named("getInputStream")),
        PACKAGE + "GetInputStreamAdvice");
    transformer.applyAdviceToMethod(
        named("followRedirect").and(takesArguments(0)).and(returns(boolean.class)),
        PACKAGE + "FollowRedirectAdvice");
  }
}
