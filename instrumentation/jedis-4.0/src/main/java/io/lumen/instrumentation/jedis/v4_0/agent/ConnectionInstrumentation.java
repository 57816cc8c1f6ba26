package io.lumen.instrumentation.jedis.v4_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code redis.clients.jedis.Connection}: {@code executeCommand(CommandObject)} sends a command and
 * reads its reply, so its span covers the round trip; {@code sendCommand(CommandArguments)} is
 * what pipelines and transactions (and {@code executeCommand} itself, whose span then suppresses
 * this one) send with.
 */
final class ConnectionInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "io.lumen.instrumentation.jedis.v4_0.agent.";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("redis.clients.jedis.Connection");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("executeCommand")
            .and(takesArguments(1))
            .and(takesArgument(0, named("redis.clients.jedis.CommandObject"))),
        PACKAGE + "ExecuteCommandAdvice");
    transformer.applyAdviceToMethod(
        named("sendCommand")
            .and(takesArguments(1))
            .and(takesArgument(0, named("redis.clients.jedis.CommandArguments"))),
        PACKAGE + "SendCommandAdvice");
  }
}
