package io.lumen.instrumentation.hikaricp.v3_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HikariPool.setMetricsTrackerFactory}, which every pool calls when it starts (with the
 * application's factory, or {@code null}).
 */
final class HikariPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.zaxxer.hikari.pool.HikariPool");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("setMetricsTrackerFactory")
            .and(takesArguments(1))
            .and(takesArgument(0, named("com.zaxxer.hikari.metrics.MetricsTrackerFactory"))),
        "io.lumen.instrumentation.hikaricp.v3_0.agent.SetMetricsTrackerFactoryAdvice");
  }
}
