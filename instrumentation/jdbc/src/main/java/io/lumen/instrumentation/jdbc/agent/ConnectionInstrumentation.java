package io.lumen.instrumentation.jdbc.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code Connection.prepareStatement/prepareCall}: remembers each statement's query text. */
final class ConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("java.sql.Connection")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("prepareStatement", "prepareCall")
            .and(takesArgument(0, String.class))
            .and(returns(hasSuperType(named("java.sql.PreparedStatement"))))
            .and(not(isAbstract())),
        "io.lumen.instrumentation.jdbc.agent.PrepareStatementAdvice");
  }
}
