package io.lumen.instrumentation.httpurlconnection.agent;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code getInputStream()}: starts the span if nothing did yet, and ends it with the response. */
public final class GetInputStreamAdvice {

  private GetInputStreamAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static boolean onEnter(@Advice.This HttpURLConnection connection) {
    return HttpUrlConnectionSpans.enter(connection);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This HttpURLConnection connection,
      @Advice.Enter boolean outermost,
      @Advice.FieldValue("responseCode") int responseCode,
      @Advice.Thrown Throwable error) {
    HttpUrlConnectionSpans.exit(outermost, connection, responseCode, error, true);
  }
}
