package io.lumen.instrumentation.okhttp.v3_0.agent;

import net.bytebuddy.asm.Advice;
import okhttp3.OkHttpClient;

/**
 * Adds the telemetry interceptor to the builder a client is about to be constructed from. A builder
 * from {@code client.newBuilder()} already has it, and is left as it is.
 */
public final class ClientConstructorAdvice {

  private ClientConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) OkHttpClient.Builder builder) {
    OkHttpSingletons.telemetry().addInterceptor(builder.interceptors());
  }
}
