package io.lumen.instrumentation.httpurlconnection.agent;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code followRedirect()} returned true: the JDK sent the request again, to the new location. */
public final class FollowRedirectAdvice {

  private FollowRedirectAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void onExit(
      @Advice.This HttpURLConnection connection, @Advice.Return boolean followed) {
    if (followed) {
      HttpUrlConnectionSpans.redirectFollowed(connection);
    }
  }
}
