package io.lumen.instrumentation.jdbc.agent;

import static io.lumen.agent.extension.TypeMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
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
 * Every {@code Statement} implementation, of drivers and of pools' proxies alike (the span of a
 * proxy's execution is the one kept; the driver's execution inside it is suppressed): executions
 * of a query text, and batches.
 */
final class StatementInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.jdbc.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("java.sql.Statement")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")
            .and(takesArgument(0, String.class))
            .and(isPublic())
            .and(not(isAbstract())),
        PACKAGE + "StatementExecuteAdvice");
    transformer.applyAdviceToMethod(
        named("addBatch").and(takesArguments(String.class)).and(not(isAbstract())),
        PACKAGE + "AddBatchAdvice");
    transformer.applyAdviceToMethod(
        named("clearBatch").and(takesArguments(0)).and(not(isAbstract())),
        PACKAGE + "ClearBatchAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("executeBatch", "executeLargeBatch")
            .and(takesArguments(0))
            .and(isPublic())
            .and(not(isAbstract())),
        PACKAGE + "ExecuteBatchAdvice");
  }
}
