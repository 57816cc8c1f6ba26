package io.lumen.instrumentation.apachehttpclient.v4_0.agent;

import io.lumen.instrumentation.httpclient.common.HttpClientRequestAttempts;
import io.opentelemetry.context.Context;
import net.bytebuddy.asm.Advice;

/** Counts a request sent for the execute whose span is current. */
public final class RequestSentAdvice {

  private RequestSentAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter() {
    HttpClientRequestAttempts.recordAttempt(Context.current());
  }
}
