package io.lumen.instrumentation.javahttpclient;

import io.lumen.instrumentation.javahttpclient.internal.HttpSendTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that wraps every send of another in a client span. Everything else is the
 * other client's, including, on Java 21 and later, its shutdown and close methods: this class is
 * compiled for Java 11, so it declares them without {@code @Override} and reaches the other
 * client's through method handles.
 */
final class TelemetryHttpClient extends HttpClient {

  private static final MethodHandle SHUTDOWN = lifecycleMethod("shutdown", void.class);
  private static final MethodHandle SHUTDOWN_NOW = lifecycleMethod("shutdownNow", void.class);
  private static final MethodHandle IS_TERMINATED = lifecycleMethod("isTerminated", boolean.class);
  private static final MethodHandle AWAIT_TERMINATION =
      lifecycleMethod("awaitTermination", boolean.class, Duration.class);
  private static final MethodHandle CLOSE = lifecycleMethod("close", void.class);

  private final HttpClient client;
  private final HttpSendTelemetry telemetry;

  TelemetryHttpClient(HttpClient client, HttpSendTelemetry telemetry) {
    this.client = client;
    this.telemetry = telemetry;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    Context context = telemetry.start(Context.current(), request);
    if (context == null) {
      return client.send(request, handler);
    }
    HttpResponse<T> response;
    try (Scope ignored = context.makeCurrent()) {
      response = client.send(telemetry.withContextHeaders(context, request), handler);
    } catch (Throwable t) {
      telemetry.end(context, request, null, t);
      throw t;
    }
    telemetry.end(context, request, response, null);
    return response;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    Context context = telemetry.start(Context.current(), request);
    if (context == null) {
      return client.sendAsync(request, handler, pushPromiseHandler);
    }
    CompletableFuture<HttpResponse<T>> future;
    try (Scope ignored = context.makeCurrent()) {
      future =
          client.sendAsync(
              telemetry.withContextHeaders(context, request), handler, pushPromiseHandler);
    } catch (Throwable t) {
      telemetry.end(context, request, null, t);
      throw t;
    }
    telemetry.endWhenComplete(context, request, future);
    return future;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return client.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return client.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return client.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return client.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return client.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return client.authenticator();
  }

  @Override
  public Version version() {
    return client.version();
  }

  @Override
  public Optional<Executor> executor() {
    return client.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return client.newWebSocketBuilder();
  }

  // Java 21 lifecycle methods; without these, HttpClient's defaults would do nothing.

  public void shutdown() {
    invokeLifecycle(SHUTDOWN);
  }

  public void shutdownNow() {
    invokeLifecycle(SHUTDOWN_NOW);
  }

  public boolean isTerminated() {
    return IS_TERMINATED != null && (boolean) invokeLifecycle(IS_TERMINATED);
  }

  public boolean awaitTermination(Duration duration) throws InterruptedException {
    if (AWAIT_TERMINATION == null) {
      return true;
    }
    try {
      return (boolean) AWAIT_TERMINATION.invoke(client, duration);
    } catch (InterruptedException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  public void close() {
    invokeLifecycle(CLOSE);
  }

  private Object invokeLifecycle(MethodHandle method) {
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static MethodHandle lifecycleMethod(
      String name, Class<?> returnType, Class<?>... parameterTypes) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(HttpClient.class, name, MethodType.methodType(returnType, parameterTypes));
    } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
      return null;
    }
  }

  @Override
  public String toString() {
    return client.toString();
  }
}
