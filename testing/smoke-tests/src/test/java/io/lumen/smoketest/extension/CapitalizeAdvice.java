package io.lumen.smoketest.extension;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import net.bytebuddy.asm.Advice;
import org.apache.commons.lang3.StringUtils;

public final class CapitalizeAdvice {

  private CapitalizeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object[] onEnter(@Advice.Argument(0) String text) {
    Span span =
        GlobalOpenTelemetry.getTracer("test-capitalize")
            .spanBuilder("capitalize")
            .setAttribute("text.prefix", StringUtils.truncate(text, 3))
            .startSpan();
    return new Object[] {span, span.makeCurrent()};
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object[] state) {
    ((Scope) state[1]).close();
    ((Span) state[0]).end();
  }
}
