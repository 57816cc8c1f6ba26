package io.lumen.instrumentation.jdbc.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code PreparedStatement} (and so {@code CallableStatement}) implementation: executions
 * of the prepared text, and additions to its batch.
 */
final class PreparedStatementInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.jdbc.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("java.sql.PreparedStatement")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")
            .and(takesArguments(0))
            .and(isPublic())
            .and(not(isAbstract())),
        PACKAGE + "PreparedStatementExecuteAdvice");
    transformer.applyAdviceToMethod(
        named("addBatch").and(takesArguments(0)).and(not(isAbstract())),
        PACKAGE + "AddPreparedBatchAdvice");
  }
}
