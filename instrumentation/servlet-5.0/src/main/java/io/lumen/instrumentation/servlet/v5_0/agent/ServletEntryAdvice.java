package io.lumen.instrumentation.servlet.v5_0.agent;

import io.lumen.instrumentation.servlet.internal.ServletDispatch;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;

/**
 * Entry into a filter or servlet, or into Tomcat's host valve (whose request and response are the
 * servlet ones). Every entry of a request is advised; only the first starts its span, the others
 * find it already there and report what they throw to it (see {@code ServletRequestTracer}).
 */
public final class ServletEntryAdvice {

  private ServletEntryAdvice() {}

  /**
   * Returns the dispatch to undo on exit, as {@code Object}: advice signatures name no agent
   * type.
   */
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object onEnter(
      @Advice.Argument(0) ServletRequest request, @Advice.Argument(1) ServletResponse response) {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      return null;
    }
    return ServletSingletons.tracer()
        .enter((HttpServletRequest) request, (HttpServletResponse) response);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(@Advice.Enter Object dispatch, @Advice.Thrown Throwable error) {
    if (dispatch instanceof ServletDispatch) {
      ServletSingletons.tracer().exit((ServletDispatch) dispatch, error);
    }
  }
}
