package io.lumen.instrumentation.httpurlconnection.agent;

import io.lumen.instrumentation.httpclient.common.HttpClientAgentConfig;
import io.lumen.instrumentation.httpclient.common.HttpClientInstrumenterBuilder;
import io.lumen.instrumentation.httpclient.common.HttpClientRequestAttempts;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import java.net.HttpURLConnection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * The span of each connection, across the several calls an application makes on it.
 *
 * <p>A connection is used like this: set it up, maybe {@code connect()}, maybe write a body through
 * {@code getOutputStream()}, then read the response ({@code getResponseCode()}, {@code
 * getInputStream()}, header getters: all of them go through {@code getInputStream()}). The span
 * starts at the first of those calls and ends when the response (or a failure) is there; it is
 * remembered on the connection in between, so later calls neither start another span nor end this
 * one twice.
 *
 * <p>The JDK's methods call each other ({@code getOutputStream()} calls {@code connect()}, {@code
 * getInputStream()} calls {@code getResponseCode()} which calls {@code getInputStream()}): only the
 * outermost advised call of a thread acts.
 */
public final class HttpUrlConnectionSpans {

  private static final Logger logger = Logger.getLogger(HttpUrlConnectionSpans.class.getName());

  static final String INSTRUMENTATION_NAME = "io.lumen.http-url-connection";

  private static final Instrumenter<HttpURLConnection, Integer> INSTRUMENTER = createInstrumenter();

  private static final VirtualField<HttpURLConnection, ConnectionSpan> SPANS =
      VirtualField.find(HttpURLConnection.class, ConnectionSpan.class);

  private static final ThreadLocal<int[]> CALL_DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[1];
        }
      };

  private HttpUrlConnectionSpans() {}

  private static Instrumenter<HttpURLConnection, Integer> createInstrumenter() {
    HttpClientInstrumenterBuilder<HttpURLConnection, Integer> builder =
        HttpClientInstrumenterBuilder.create(
            GlobalOpenTelemetry.get(),
            INSTRUMENTATION_NAME,
            HttpUrlConnectionAttributesGetter.INSTANCE);
    return HttpClientAgentConfig.get().applyTo(builder).build(RequestPropertySetter.INSTANCE);
  }

  /** One connection's span; {@code ended} once it has been ended. */
  static final class ConnectionSpan {
    final Context context;
    volatile boolean ended;

    ConnectionSpan(Context context) {
      this.context = context;
    }
  }

  /**
   * Called on entering an advised method: starts the connection's span on the first outermost call.
   * Returns whether this call is the outermost; pass it to {@link #exit}.
   */
  public static boolean enter(HttpURLConnection connection) {
    if (CALL_DEPTH.get()[0]++ > 0) {
      return false;
    }
    try {
      if (SPANS.get(connection) == null) {
        Context parentContext = Context.current();
        if (INSTRUMENTER.shouldStart(parentContext, connection)) {
          Context context = INSTRUMENTER.start(parentContext, connection);
          HttpClientRequestAttempts.recordAttempt(context);
          SPANS.set(connection, new ConnectionSpan(context));
        }
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not start the client span", e);
    }
    return true;
  }

  /**
   * Called on leaving an advised method. An outermost call ends the span when it failed or when
   * {@code responseRead} (it was {@code getInputStream()} and it returned).
   *
   * @param responseCode the connection's {@code responseCode} field: the status, or -1
   */
  public static void exit(
      boolean outermost,
      HttpURLConnection connection,
      int responseCode,
      @Nullable Throwable error,
      boolean responseRead) {
    CALL_DEPTH.get()[0]--;
    if (!outermost) {
      return;
    }
    ConnectionSpan span = SPANS.get(connection);
    if (span == null || span.ended || (error == null && !responseRead)) {
      return;
    }
    // Marked first: reading response headers below calls getInputStream() again.
    span.ended = true;
    try {
      Integer status = responseCode > 0 ? responseCode : null;
      if (error != null && status != null && status >= 400) {
        // HttpURLConnection throws for 4xx and 5xx responses where every other client returns
        // them: report the response, not the exception, so all clients look alike.
        error = null;
      }
      INSTRUMENTER.end(span.context, connection, status, error);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "could not end the client span", e);
    }
  }

  /** The JDK followed a redirect inside {@code getInputStream()}: one more request was sent. */
  public static void redirectFollowed(HttpURLConnection connection) {
    ConnectionSpan span = SPANS.get(connection);
    if (span != null && !span.ended) {
      HttpClientRequestAttempts.recordAttempt(span.context);
    }
  }
}
