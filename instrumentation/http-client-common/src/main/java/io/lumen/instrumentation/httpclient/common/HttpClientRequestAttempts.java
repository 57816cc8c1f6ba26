package io.lumen.instrumentation.httpclient.common;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Counts the HTTP requests a client sends for one logical request, so that the span of that request
 * can say how often it was resent ({@code http.request.resend_count}).
 *
 * <p>Lumen records one client span per call into the client library (one {@code execute}, one
 * {@code send}, one {@code Call}), however many redirects, authentication challenges and retries
 * the library handles inside that call: that is the request the application made, and the only one
 * every supported library lets us observe. Where a library shows the individual requests (an OkHttp
 * network interceptor, an Apache HttpClient transport step, a response's chain of previous
 * responses), its instrumentation records each one here, and the span ends with {@code
 * http.request.resend_count} = requests sent - 1 when that is positive.
 *
 * <p>Every instrumenter built by {@link HttpClientInstrumenterBuilder} puts a fresh counter into
 * the context of each span it starts.
 */
public final class HttpClientRequestAttempts {

  private static final ContextKey<HttpClientRequestAttempts> KEY =
      ContextKey.named("lumen-http-client-request-attempts");

  private final AtomicInteger attempts = new AtomicInteger();

  private HttpClientRequestAttempts() {}

  static Context addTo(Context context) {
    return context.with(KEY, new HttpClientRequestAttempts());
  }

  /** The counter of the client span in {@code context}, or null if there is none. */
  @Nullable
  public static HttpClientRequestAttempts fromContext(Context context) {
    return context.get(KEY);
  }

  /** Records one request sent for the client span in {@code context}, if there is one. */
  public static void recordAttempt(Context context) {
    HttpClientRequestAttempts attempts = fromContext(context);
    if (attempts != null) {
      attempts.recordAttempt();
    }
  }

  /** Records one request sent on the wire (the first one included). */
  public void recordAttempt() {
    attempts.incrementAndGet();
  }

  /** How many requests were sent after the first one; 0 if one or none were recorded. */
  public int resendCount() {
    return Math.max(0, attempts.get() - 1);
  }
}
