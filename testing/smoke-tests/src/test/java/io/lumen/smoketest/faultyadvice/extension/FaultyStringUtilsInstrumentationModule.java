package io.lumen.smoketest.faultyadvice.extension;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A test extension whose advice fails in every way advice can fail, on commons-lang3's {@code
 * StringUtils}, one kind of failure per instrumented method:
 *
 * <ul>
 *   <li>{@code capitalize}: enter and exit advice throw;
 *   <li>{@code uncapitalize}: exit advice replaces the return value with one of the wrong type (a
 *       {@code ClassCastException} where instrumented code assigns it);
 *   <li>{@code swapCase}: only the exit advice throws.
 * </ul>
 *
 * <p>With the system property {@value #STACKED_PROPERTY} set to {@code true}, {@code capitalize}
 * also gets the wrong-type return value, from a second advice class inside the throwing one.
 *
 * <p>The application must never notice any of it.
 */
public final class FaultyStringUtilsInstrumentationModule extends InstrumentationModule {

  /** The module's name, as the agent logs it in each failed advice site. */
  public static final String NAME = "test-faulty-advice";

  /** Stacks the wrong-type return value under the throwing advice on {@code capitalize}. */
  public static final String STACKED_PROPERTY = "lumen.test.faulty-advice.stacked";

  public FaultyStringUtilsInstrumentationModule() {
    super(NAME);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new StringUtilsInstrumentation());
  }

  static final class StringUtilsInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("org.apache.commons.lang3.StringUtils");
    }

    @Override
    public void transform(TypeTransformer transformer) {
      String advicePackage = FaultyStringUtilsInstrumentationModule.class.getPackage().getName();
      transformer.applyAdviceToMethod(
          named("capitalize").and(takesArguments(String.class)),
          advicePackage + ".ThrowingAdvice");
      if (Boolean.getBoolean(STACKED_PROPERTY)) {
        transformer.applyAdviceToMethod(
            named("capitalize").and(takesArguments(String.class)),
            advicePackage + ".WrongReturnTypeAdvice");
      }
      transformer.applyAdviceToMethod(
          named("uncapitalize").and(takesArguments(String.class)),
          advicePackage + ".WrongReturnTypeAdvice");
      transformer.applyAdviceToMethod(
          named("swapCase").and(takesArguments(String.class)),
          advicePackage + ".ThrowingExitAdvice");
    }
  }
}
