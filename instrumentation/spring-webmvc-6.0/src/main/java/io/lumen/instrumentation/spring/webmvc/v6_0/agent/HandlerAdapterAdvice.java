package io.lumen.instrumentation.spring.webmvc.v6_0.agent;

import io.lumen.instrumentation.spring.webmvc.v6_0.SpringWebMvcRoute;
import io.opentelemetry.context.Context;
import jakarta.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/** Updates the current server span's route before the handler runs. */
public final class HandlerAdapterAdvice {

  private HandlerAdapterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void onEnter(@Advice.Argument(0) HttpServletRequest request) {
    SpringWebMvcRoute.update(Context.current(), request);
  }
}
