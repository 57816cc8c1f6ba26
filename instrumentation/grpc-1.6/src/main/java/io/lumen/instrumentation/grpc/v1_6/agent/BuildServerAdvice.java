package io.lumen.instrumentation.grpc.v1_6.agent;

import io.grpc.ServerBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code build()} of a server builder: the outermost of nested builds (see {@link BuildNesting})
 * adds the tracing server interceptor.
 */
public final class BuildServerAdvice {

  private BuildServerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.This ServerBuilder<?> builder) {
    if (BuildNesting.SERVERS.enter()) {
      GrpcSingletons.addServerInterceptor(builder);
    }
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    BuildNesting.SERVERS.exit();
  }
}
