package io.lumen.instrumentation.apachehttpclient.v5_0.agent;

import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/** Adds the telemetry's handlers to a builder before its first {@code build()}. */
public final class BuildAdvice {

  private BuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.This Object builder) {
    if (builder instanceof HttpClientBuilder) {
      ApacheHttpClient5Singletons.addOnce((HttpClientBuilder) builder);
    } else if (builder instanceof HttpAsyncClientBuilder) {
      ApacheHttpClient5Singletons.addOnce((HttpAsyncClientBuilder) builder);
    }
  }
}
