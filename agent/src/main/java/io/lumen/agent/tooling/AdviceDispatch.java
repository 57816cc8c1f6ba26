package io.lumen.agent.tooling;

import io.lumen.bootstrap.AdviceBootstrap;
import io.lumen.bootstrap.AdviceErrors;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.utility.JavaConstant;

/**
 * How instrumented code reaches advice: an {@code invokedynamic} call bootstrapped by {@link
 * AdviceBootstrap} with the module's name and the advice class's name, and a handler that passes
 * whatever the advice throws to {@link AdviceErrors} instead of the application.
 */
final class AdviceDispatch {

  private static final MethodDescription.InDefinedShape BOOTSTRAP;
  private static final MethodDescription.InDefinedShape ON_ADVICE_ERROR;

  static {
    try {
      BOOTSTRAP =
          new MethodDescription.ForLoadedMethod(
              AdviceBootstrap.class.getMethod(
                  "bootstrap",
                  MethodHandles.Lookup.class,
                  String.class,
                  MethodType.class,
                  String.class,
                  String.class));
      ON_ADVICE_ERROR =
          new MethodDescription.ForLoadedMethod(
              AdviceErrors.class.getMethod("onAdviceError", Throwable.class, String.class));
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private AdviceDispatch() {}

  static Advice.WithCustomMapping forModule(String moduleName) {
    // AssignReturned lets delegated advice replace arguments and return values; a failed
    // assignment (a ClassCastException, say) is suppressed like any other advice failure.
    return Advice.withCustomMapping()
        .with(new Advice.AssignReturned.Factory().withSuppressed(Throwable.class))
        .bootstrap(BOOTSTRAP, new ModuleArguments(moduleName));
  }

  static Advice.ExceptionHandler exceptionHandler(String moduleName) {
    return new Advice.ExceptionHandler() {
      @Override
      public StackManipulation resolve(
          MethodDescription instrumentedMethod, TypeDescription instrumentedType) {
        String site = moduleName + " at " + instrumentedType.getName() + "#" + instrumentedMethod.getName();
        return new StackManipulation.Compound(
            new TextConstant(site), MethodInvocation.invoke(ON_ADVICE_ERROR));
      }
    };
  }

  /** Bootstrap arguments: the module's name and the advice class's name. */
  private static final class ModuleArguments implements Advice.BootstrapArgumentResolver.Factory {
    private final String moduleName;

    ModuleArguments(String moduleName) {
      this.moduleName = moduleName;
    }

    @Override
    public Advice.BootstrapArgumentResolver resolve(
        MethodDescription.InDefinedShape adviceMethod, boolean exit) {
      String adviceClassName = adviceMethod.getDeclaringType().getName();
      return (instrumentedType, instrumentedMethod) -> {
        List<JavaConstant> arguments =
            Arrays.<JavaConstant>asList(
                JavaConstant.Simple.ofLoaded(moduleName),
                JavaConstant.Simple.ofLoaded(adviceClassName));
        return arguments;
      };
    }
  }
}
