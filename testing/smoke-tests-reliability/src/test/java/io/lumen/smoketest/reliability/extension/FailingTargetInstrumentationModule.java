package io.lumen.smoketest.reliability.extension;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.agent.extension.TypeTransformer;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A test extension whose advice on {@code CountingApp.Target#twice} throws on every call, so that
 * the agent has to switch the module off.
 */
public final class FailingTargetInstrumentationModule extends InstrumentationModule {

  public static final String NAME = "test-always-failing";

  public FailingTargetInstrumentationModule() {
    super(NAME);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new TargetInstrumentation());
  }

  static final class TargetInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named("io.lumen.smoketest.reliability.apps.CountingApp$Target");
    }

    @Override
    public void transform(TypeTransformer transformer) {
      transformer.applyAdviceToMethod(
          named("twice"), FailingTargetInstrumentationModule.class.getPackage().getName()
              + ".FailingAdvice");
    }
  }
}
