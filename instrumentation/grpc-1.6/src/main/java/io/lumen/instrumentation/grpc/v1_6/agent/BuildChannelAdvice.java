package io.lumen.instrumentation.grpc.v1_6.agent;

import io.grpc.ManagedChannelBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code build()} of a channel builder: the outermost of nested builds (see {@link BuildNesting})
 * adds the tracing client interceptor.
 */
public final class BuildChannelAdvice {

  private BuildChannelAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.This ManagedChannelBuilder<?> builder) {
    if (BuildNesting.CHANNELS.enter()) {
      GrpcSingletons.addClientInterceptor(builder);
    }
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit() {
    BuildNesting.CHANNELS.exit();
  }
}
