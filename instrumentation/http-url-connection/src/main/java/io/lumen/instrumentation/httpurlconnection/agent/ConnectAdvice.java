package io.lumen.instrumentation.httpurlconnection.agent;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code connect()} and {@code getOutputStream()}: start the span; a failure ends it. */
public final class ConnectAdvice {

  private ConnectAdvice() {}

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
    HttpUrlConnectionSpans.exit(outermost, connection, responseCode, error, false);
  }
}
