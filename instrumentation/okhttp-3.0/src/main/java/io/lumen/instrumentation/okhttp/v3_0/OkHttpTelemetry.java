package io.lumen.instrumentation.okhttp.v3_0;

import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Client spans and {@code http.client.request.duration} for OkHttp 3.0 to 4.x, in library mode:
 * make calls through the {@link #newCallFactory(OkHttpClient) call factory}. With the Lumen agent
 * attached nothing needs to be done: the agent adds the same interceptor to every {@code
 * OkHttpClient} (a client built here is not instrumented twice).
 *
 * <pre>{@code
 * Call.Factory calls = OkHttpTelemetry.create(openTelemetry).newCallFactory(new OkHttpClient());
 * try (Response response = calls.newCall(new Request.Builder().url(url).build()).execute()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Each {@code Call} is one CLIENT span named after the method, a child of the context the call
 * was created in (also for {@code enqueue}, which runs on OkHttp's threads). It ends when the
 * response headers are in, or with the failure. The span's context is sent in the request's headers
 * by the {@link OpenTelemetry#getPropagators() propagators}; redirects and authentication
 * follow-ups are counted in {@code http.request.resend_count}.
 */
public final class OkHttpTelemetry {

  private final TelemetryInterceptor interceptor;

  OkHttpTelemetry(TelemetryInterceptor interceptor) {
    this.interceptor = interceptor;
  }

  /** Returns telemetry with default settings, reporting to {@code openTelemetry}. */
  public static OkHttpTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Returns a builder of telemetry reporting to {@code openTelemetry}. */
  public static OkHttpTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new OkHttpTelemetryBuilder(openTelemetry);
  }

  /**
   * Returns a factory of calls through a copy of {@code client} (sharing its connection pool and
   * dispatcher) with the telemetry interceptor first. Use it wherever the client was used.
   */
  public Call.Factory newCallFactory(OkHttpClient client) {
    OkHttpClient.Builder builder = client.newBuilder();
    addInterceptor(builder.interceptors());
    final OkHttpClient instrumented = builder.build();
    return new Call.Factory() {
      @Override
      public Call newCall(Request request) {
        CallContexts.rememberCurrent(request);
        return instrumented.newCall(request);
      }
    };
  }

  /**
   * The application interceptor, for clients built by hand: add it first, and create calls through
   * {@link #newCallFactory} or call {@link CallContexts#rememberCurrent} so that enqueued calls get
   * the right parent.
   */
  public Interceptor newInterceptor() {
    return interceptor;
  }

  /**
   * Puts the interceptor first in {@code interceptors}, unless a telemetry interceptor (from any
   * class loader: the agent's and an application's copy have the same name) is already there.
   *
   * @return whether it was added
   */
  public boolean addInterceptor(List<Interceptor> interceptors) {
    for (Interceptor existing : interceptors) {
      if (existing.getClass().getName().equals(TelemetryInterceptor.class.getName())) {
        return false;
      }
    }
    interceptors.add(0, interceptor);
    return true;
  }
}
