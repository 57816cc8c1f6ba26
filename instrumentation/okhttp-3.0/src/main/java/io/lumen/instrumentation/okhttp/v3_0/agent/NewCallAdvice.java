package io.lumen.instrumentation.okhttp.v3_0.agent;

import io.lumen.instrumentation.okhttp.v3_0.CallContexts;
import net.bytebuddy.asm.Advice;
import okhttp3.Request;

/** Remembers the context a call is created in, for its span's parent when it runs elsewhere. */
public final class NewCallAdvice {

  private NewCallAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) Request request) {
    CallContexts.rememberCurrent(request);
  }
}
