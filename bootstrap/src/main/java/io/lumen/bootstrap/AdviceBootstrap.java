package io.lumen.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap method of every {@code invokedynamic} call that instrumented code makes to advice.
 *
 * <p>Advice is not copied into library classes. Each instrumented method instead calls its advice
 * through {@code invokedynamic}; this method, on the bootstrap class path so that every class can
 * link to it, asks the agent's {@link Linker} for the advice method, which is defined in a class
 * loader that sees both the library and the agent. If linking fails, the call site becomes a no-op
 * that returns the default value: the application never sees the failure.
 */
public final class AdviceBootstrap {

  /** Implemented inside the agent class loader; resolves advice for one calling class. */
  public interface Linker {
    MethodHandle link(
        MethodHandles.Lookup caller,
        String adviceMethodName,
        MethodType type,
        String moduleName,
        String adviceClassName)
        throws Throwable;
  }

  private static final MethodHandle NO_OP;

  static {
    try {
      NO_OP =
          MethodHandles.lookup()
              .findStatic(AdviceBootstrap.class, "noOp", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static volatile Linker linker;

  private AdviceBootstrap() {}

  public static void setLinker(Linker newLinker) {
    linker = newLinker;
  }

  /** Byte Buddy emits calls to this method for every advice call site. */
  public static CallSite bootstrap(
      MethodHandles.Lookup caller,
      String adviceMethodName,
      MethodType type,
      String moduleName,
      String adviceClassName) {
    Linker current = linker;
    if (current != null) {
      try {
        MethodHandle target =
            current.link(caller, adviceMethodName, type, moduleName, adviceClassName);
        if (target != null) {
          return new ConstantCallSite(target.asType(type));
        }
      } catch (Throwable t) {
        AdviceErrors.onAdviceError(t, moduleName + " at linking " + adviceClassName);
      }
    }
    return new ConstantCallSite(noOp(type));
  }

  /** A handle of the given type that ignores its arguments and returns the type's default. */
  public static MethodHandle noOp(MethodType type) {
    Class<?> returnType = type.returnType();
    MethodHandle result;
    if (returnType == void.class) {
      result = NO_OP;
    } else if (returnType.isPrimitive()) {
      result = MethodHandles.constant(returnType, primitiveDefault(returnType));
    } else {
      result = MethodHandles.constant(returnType, null);
    }
    return MethodHandles.dropArguments(result, 0, type.parameterList());
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == boolean.class) {
      return Boolean.FALSE;
    } else if (type == char.class) {
      return (char) 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == float.class) {
      return 0f;
    } else if (type == double.class) {
      return 0d;
    } else if (type == byte.class) {
      return (byte) 0;
    } else if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }

  private static void noOp() {}
}
