package io.lumen.smoketest.extension;

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
 * A test extension: traces commons-lang3's {@code StringUtils.capitalize}. Its advice uses {@code
 * StringUtils.truncate}, which only commons-lang3 3.5 and later have, so the agent must skip it
 * where an older version is on the class path.
 */
public final class CapitalizeInstrumentationModule extends InstrumentationModule {

  public CapitalizeInstrumentationModule() {
    super("test-capitalize");
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
      transformer.applyAdviceToMethod(
          named("capitalize").and(takesArguments(String.class)),
          "io.lumen.smoketest.extension.CapitalizeAdvice");
    }
  }
}
