package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every implementation of {@code org.apache.http.client.HttpClient}, at the one method its {@code
 * execute} overloads end in: {@code execute(HttpHost, HttpRequest, HttpContext)} in 4.0 to 4.2
 * ({@code AbstractHttpClient}), and {@code doExecute} with the same arguments from 4.3 on ({@code
 * CloseableHttpClient} lets some overloads call it directly). Where one calls the other, or a
 * wrapper client calls a wrapped one, the inner span is suppressed.
 */
public final class HttpClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("org.apache.http.client.HttpClient")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("execute", "doExecute")
            .and(not(isAbstract()))
            .and(not(isBridge()))
            .and(takesArguments(3))
            .and(takesArgument(0, named("org.apache.http.HttpHost")))
            .and(takesArgument(1, named("org.apache.http.HttpRequest")))
            .and(takesArgument(2, named("org.apache.http.protocol.HttpContext"))),
        "io.lumen.instrumentation.apachehttpclient.v4_0.agent.ExecuteAdvice");
  }
}
