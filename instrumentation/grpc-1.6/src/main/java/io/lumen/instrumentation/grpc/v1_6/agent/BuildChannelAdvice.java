package io.lumen.instrumentation.grpc.v1_6.agent;

import io.grpc.ManagedChannelBuilder;
import net.bytebuddy.asm.Advice;

/** {@code build()} of a channel builder: adds the tracing client interceptor first. */
public final class BuildChannelAdvice {

  private BuildChannelAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.This ManagedChannelBuilder<?> builder) {
    GrpcSingletons.addClientInterceptor(builder);
  }
}
