package io.lumen.instrumentation.opentelemetryapi.v1_0.agent;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The application's {@code GlobalOpenTelemetry}: {@code get()} (and {@code getOrNoop()}, API 1.57
 * on) return the bridge to the agent's SDK without running their own code, which could
 * auto-configure a second SDK; {@code set(...)} is ignored and {@code isSet()} (1.57 on) is true,
 * since the agent's SDK is the global one.
 */
public final class GlobalOpenTelemetryInstrumentation implements TypeInstrumentation {

  private static final String ADVICE_PACKAGE =
      "io.lumen.instrumentation.opentelemetryapi.v1_0.agent.";

  private final String getAdviceClassName;

  /** Answers {@code get()} with the bridge of API 1.0. */
  public GlobalOpenTelemetryInstrumentation() {
    this(ADVICE_PACKAGE + "GlobalGetAdvice");
  }

  /**
   * Answers {@code get()} with the advice named, for bridges of newer APIs that return a bridge of
   * their own.
   */
  public GlobalOpenTelemetryInstrumentation(String getAdviceClassName) {
    this.getAdviceClassName = getAdviceClassName;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("application.io.opentelemetry.api.GlobalOpenTelemetry");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        isStatic()
            .and(namedOneOf("get", "getOrNoop"))
            .and(takesArguments(0))
            .and(returns(named("application.io.opentelemetry.api.OpenTelemetry"))),
        getAdviceClassName);
    transformer.applyAdviceToMethod(
        isStatic().and(named("set")).and(takesArguments(1)), ADVICE_PACKAGE + "GlobalSetAdvice");
    transformer.applyAdviceToMethod(
        isStatic().and(named("isSet")).and(takesArguments(0)).and(returns(boolean.class)),
        ADVICE_PACKAGE + "GlobalIsSetAdvice");
  }
}
